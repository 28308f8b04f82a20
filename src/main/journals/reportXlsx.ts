/** The statistics report as a spreadsheet: indicator lines, month columns, numbers as numbers. */
import ExcelJS from 'exceljs';
import type { JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import { reportGrid, type ReportDoc } from './reportDoc';

export const REPORT_HEADER_ROW = 3;

export async function writeReportXlsx(out: string, d: ReportDoc, ctl: JobControl = {}): Promise<void> {
  const grid = reportGrid(d);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Registry Desk';
  const ws = wb.addWorksheet('Звіт', {
    views: [{ state: 'frozen', ySplit: REPORT_HEADER_ROW, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getCell(1, 1).value = d.holder;
  ws.getCell(2, 1).value = `${d.title} ${d.period} (станом на ${d.asOf.split('-').reverse().join('.')})`;
  ws.getRow(1).font = ws.getRow(2).font = { bold: true };
  const header = ws.getRow(REPORT_HEADER_ROW);
  header.values = grid.header;
  header.font = { bold: true };
  ws.getColumn(1).width = 50;
  for (let c = 2; c <= grid.header.length; c++) ws.getColumn(c).width = 11;
  grid.rows.forEach((r, i) => {
    const row = ws.getRow(REPORT_HEADER_ROW + 1 + i);
    row.values = [r.label, ...r.values];
    row.getCell(1).alignment = { indent: r.level * 2 };
    if (r.level === 0) row.font = { bold: true };
  });
  ctl.onProgress?.({ done: grid.rows.length, total: grid.rows.length });
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp), ctl.signal);
}
