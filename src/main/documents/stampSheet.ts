/**
 * The stamp sheet: an A4 page with nothing but the stamp at its place, printed onto the copy of the
 * request the clerk lays in the printer tray. The calibration sheet prints the same stamp with
 * millimetre rulers, so the clerk can measure how far off the printer puts it and correct the settings.
 */
import type { StampSettings } from '../../shared/documents';
import { finish, mm, newDocument, PAGE, pdfkitPainter, type Doc } from './pdfDocument';
import { drawStamp, stampBox, type StampContent } from './stamp';

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

export function stampSheet(c: StampContent, s: StampSettings): Promise<Buffer> {
  const d = newDocument({ title: `Штамп реєстрації: ${c.index}`, author: c.holder, margins: NO_MARGINS });
  const [w, h] = PAGE.A4;
  drawStamp(pdfkitPainter(d.doc), stampBox(w, h, s), c);
  return finish(d);
}

/** Rulers from the lower right corner (where the stamp is measured from), a tick each millimetre. */
function rulers(doc: Doc, w: number, h: number): void {
  doc.lineWidth(0.3).strokeColor('black');
  for (let n = 0; n <= 100; n++) {
    const len = n % 10 === 0 ? mm(5) : n % 5 === 0 ? mm(3.5) : mm(2);
    doc.moveTo(w - mm(n), h).lineTo(w - mm(n), h - len).stroke();
    doc.moveTo(w, h - mm(n)).lineTo(w - len, h - mm(n)).stroke();
    if (n % 10 === 0 && n > 0) {
      doc.font('regular').fontSize(6).text(String(n), w - mm(n) - 6, h - mm(8), { width: 12, align: 'center', lineBreak: false });
      doc.text(String(n), w - mm(11.5), h - mm(n) - 3, { width: mm(5.5), align: 'right', lineBreak: false });
    }
  }
}

export function calibrationSheet(c: StampContent, s: StampSettings): Promise<Buffer> {
  const d = newDocument({ title: 'Калібрування штампа реєстрації', author: c.holder, margins: NO_MARGINS });
  const { doc } = d;
  const [w, h] = PAGE.A4;
  doc.font('bold').fontSize(14).text('Калібрувальний аркуш штампа реєстрації', mm(30), mm(25), { width: w - mm(40) });
  doc.moveDown(0.6).font('regular').fontSize(11);
  doc.text(
    `Штамп налаштовано: ${s.widthMm} × ${s.heightMm} мм, відступ від правого краю ${s.rightMm} мм, від нижнього краю ${s.bottomMm} мм.`,
  );
  doc.moveDown(0.4).text(
    'Надрукуйте цей аркуш на принтері, яким друкуватимете штамп, і виміряйте лінійкою відстань від правого та нижнього країв аркуша до рамки штампа. ' +
      'Шкали біля країв мають поділки через 1 мм від правого нижнього кута. Якщо виміряне відрізняється від налаштованого, ' +
      'виправте відступи в налаштуваннях штампа на різницю і надрукуйте аркуш ще раз.',
  );
  rulers(doc, w, h);
  drawStamp(pdfkitPainter(doc), stampBox(w, h, s), c);
  return finish(d);
}
