/**
 * CSV cells that a spreadsheet would run as a formula (OWASP, "CSV Injection"): a cell beginning
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so Excel and LibreOffice
 * show the text instead of evaluating it. A requester named `=HYPERLINK(…)` stays a name.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
