/**
 * Puts each message of an `invalid_input` error beside its own field: the API names every bad
 * field by its path (`email`, `filledByOfficial.name`, `calendar.overrides.0.date`).
 * Anything not tied to a field stays a general line, shown as the API wrote it.
 */
import type { AppErrorData } from '../shared/errors';
import { fieldLabel } from '../shared/fieldLabels';

export interface SplitErrors {
  /** Path → message. */
  fields: Record<string, string>;
  /** Messages not tied to a field. */
  general: string[];
}

export function splitErrors(error: AppErrorData): SplitErrors {
  const out: SplitErrors = { fields: {}, general: [] };
  if (error.kind !== 'invalid_input' || !error.fields?.length) {
    out.general.push(error.message);
    return out;
  }
  for (const f of error.fields) {
    if (f.path) out.fields[f.path] ??= f.message;
    else out.general.push(f.message);
  }
  return out;
}

/** One line per problem, with the field's label as the form shows it. */
export function errorLines(e: SplitErrors, labelOf: (path: string) => string | undefined): string[] {
  return [...e.general, ...Object.entries(e.fields).map(([p, msg]) => `${labelOf(p) ?? fieldLabel(p)}: ${msg}`)];
}
