/**
 * The stamped copy: the registered request printed in the Appendix 4 layout, marked as a copy, with
 * the registration stamp on its first page. For requests taken by phone, e-mail or fax, or written
 * down by the official (Appendix 3 items 7–8), where there is no paper of the requester's to stamp.
 */
import type { RequestView } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { finish, mm, newDocument, OFFICIAL_MARGINS, pdfkitPainter } from './pdfDocument';
import { drawRequestForm, formKindOf } from './requestForm';
import { drawStamp, stampBox, stampContent } from './stamp';

export function stampedCopy(r: RequestView, s: Settings): Promise<Buffer> {
  const c = stampContent(r, s);
  const d = newDocument({ title: `Копія запиту вх. № ${r.index}`, author: c.holder });
  const { doc } = d;
  const first = doc.page;
  // Page 1's text stops above the stamp, so a long request flows on instead of under it; later pages keep the usual margin.
  first.margins = { ...OFFICIAL_MARGINS, bottom: Math.max(OFFICIAL_MARGINS.bottom, mm(s.stamp.bottomMm + s.stamp.heightMm + 4)) };
  drawStamp(pdfkitPainter(doc), stampBox(first.width, first.height, s.stamp), c);
  doc.x = first.margins.left;
  doc.y = first.margins.top;
  drawRequestForm(doc, s, { kind: formKindOf(r), request: r, copyMark: true });
  return finish(d);
}
