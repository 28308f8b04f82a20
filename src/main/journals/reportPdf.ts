/** The statistics report for print: the shared table with indicator lines and month columns. */
import type { JobControl } from '../services/jobs';
import { writeAtomically } from './atomicFile';
import { fitWidths, writePdf } from './pdfTable';
import { reportGrid, type ReportDoc } from './reportDoc';

// Ukrainian decimal comma on paper too.
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ','));

export async function writeReportPdf(out: string, d: ReportDoc, ctl: JobControl = {}): Promise<{ pages: number }> {
  const grid = reportGrid(d);
  const figureCols = grid.header.length - 1;
  // The label column takes what a third of the page needs; the figures share the rest.
  const widths = fitWidths([Math.max(220, 60 * figureCols * 0.5), ...Array(figureCols).fill(60)]);
  const pages = await writeAtomically(
    out,
    (tmp) =>
      writePdf(
        tmp,
        {
          holder: d.holder,
          title: d.title,
          subtitle: d.period,
          columns: grid.header.map((h, i) => ({ header: h, width: widths[i]!, align: i === 0 ? 'left' : 'right' })),
          rows: grid.rows.map((r) => ({ cells: [`${r.level ? '    ' : ''}${r.label}`, ...r.values.map(fmt)], bold: r.level === 0 })),
          after: [`Дані станом на ${d.asOf.split('-').reverse().join('.')}.`],
          signature: d.signature,
          fontSize: 9,
        },
        ctl,
      ),
    ctl.signal,
  );
  return { pages };
}
