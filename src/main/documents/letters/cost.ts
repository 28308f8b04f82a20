/**
 * Art. 21: copies over 10 pages — the requester is told the actual costs, the requisites and the
 * order of payment within 5 working days of receipt; the information follows within 3 working days
 * after payment is confirmed. Rates: CMU No. 740 as restated by No. 4 of 2020, dated settings.
 */
import { kyivDate } from '../../../shared/calendar';
import type { RequestView } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { computeCost, formatUah, inForce, LEGAL_MAX_RATES, type CostResult } from '../../../shared/fees';
import type { Settings } from '../../../shared/settings';
import { ukDate } from '../format';
import { labelled, para } from '../layout';
import { LAW, renderLetter, requesterAddress, requestMention, type LetterContext } from './letterhead';

const RATE_LABEL: Record<CostResult['rateKind'], string> = {
  a4: 'копіювання або друк, формат А4 і менший',
  a3: 'копіювання або друк, формат А3 і більший',
  restricted: 'копіювання або друк документів будь-якого формату, де потрібно виокремити інформацію з обмеженим доступом',
  scan: 'виготовлення цифрових копій документів шляхом сканування',
};

/** The costs as of the day the notice was recorded, so the dated rates in force then apply. */
export function costOf(r: RequestView, s: Settings): CostResult {
  const notice = r.state.cost;
  if (!notice) throw new AppError('not_allowed', 'Витрати на копіювання ще не визначено: спершу виконайте дію «Повідомити про витрати» (кількість сторінок і формат)');
  const event = [...r.events].reverse().find((e) => e.type === 'cost_notice');
  const on = event ? kyivDate(event.at) : r.receivedDate;
  return computeCost({ pages: notice.pages, format: notice.format, restricted: notice.restricted, on }, s.fees);
}

/** «рішення виконавчого комітету від 14.01.2020 № 15»: the holder's decision that set the rates in force. */
function decisionOf(r: RequestView, s: Settings): string {
  const event = [...r.events].reverse().find((e) => e.type === 'cost_notice');
  const rates = inForce(s.fees.rates, event ? kyivDate(event.at) : r.receivedDate);
  if (!rates?.decisionNumber || !rates.decisionDate)
    throw new AppError('invalid_input', 'У налаштуваннях (розділ «Ставки відшкодування витрат») не вказано номер і дату рішення розпорядника, яким встановлено ставки: повідомлення без них не оформлюється');
  return `рішення розпорядника інформації від ${ukDate(rates.decisionDate)} № ${rates.decisionNumber}`;
}

function payment(s: Settings) {
  const p = s.payment;
  if (!p.recipient || !p.iban || !p.edrpou)
    throw new AppError('invalid_input', 'У налаштуваннях не вказано реквізити для оплати (отримувач, IBAN, код ЄДРПОУ — розділ «Реквізити для оплати витрат на копіювання»): повідомлення про витрати без них не оформлюється');
  return p;
}

export async function costLetter(ctx: LetterContext): Promise<Buffer> {
  const r = ctx.request;
  const s = ctx.settings;
  const c = costOf(r, s);
  if (c.amount <= 0)
    throw new AppError('not_allowed', 'Ставки відшкодування витрат на дату повідомлення не встановлено або сторінок не більше 10: копії надаються безоплатно');
  const p = payment(s);
  const decision = decisionOf(r, s);
  const perPage = formatUah(c.perPage);
  return renderLetter(ctx, {
    title: 'Повідомлення про фактичні витрати на копіювання або друк',
    to: await requesterAddress(r),
    subject: 'Про відшкодування фактичних витрат на копіювання або друк документів',
    paragraphs: [
      `На Ваш ${requestMention(r)} повідомляємо, що запитувана інформація міститься в документах обсягом ${c.pages} сторінок, тобто більш як 10 сторінок.`,
      `Відповідно до частини другої статті 21 ${LAW} та ${decision}, прийнятого в межах граничних норм, затверджених постановою Кабінету Міністрів України від 13 липня 2011 р. № 740 (у редакції постанови Кабінету Міністрів України від 15 січня 2020 р. № 4) (для цього виду робіт — не більше ${String(LEGAL_MAX_RATES[c.rateKind]).replace('.', ',')} % розміру прожиткового мінімуму для працездатних осіб за сторінку), Вам необхідно відшкодувати фактичні витрати на копіювання або друк документів:`,
    ],
    extra: (doc) => {
      labelled(
        doc,
        'Кількість сторінок',
        `${c.pages}; оплачується ${c.chargedPages} — ${s.fees.chargeAllPages ? 'за рішенням розпорядника оплачуються всі сторінки, якщо їх більш як 10' : 'за рішенням розпорядника перші 10 сторінок надаються безоплатно, оплачуються лише сторінки понад 10'}`,
      );
      labelled(doc, 'Вид робіт', RATE_LABEL[c.rateKind]);
      labelled(doc, 'Розмір витрат за сторінку', `${String(c.ratePercent).replace('.', ',')} % розміру прожиткового мінімуму для працездатних осіб (${formatUah(c.subsistenceMinimum)} грн), округлено до копійки: ${perPage} грн`);
      labelled(doc, 'Сума до сплати', `${c.chargedPages} × ${perPage} грн = ${formatUah(c.amount)} грн`);
      doc.moveDown(0.4);
      para(doc, 'Реквізити для оплати:', { indent: false, font: 'bold' });
      labelled(doc, 'Отримувач', p.recipient);
      labelled(doc, 'Код ЄДРПОУ', p.edrpou);
      labelled(doc, 'IBAN', p.iban);
      if (p.bank) labelled(doc, 'Банк', p.bank);
      labelled(doc, 'Призначення платежу', `${p.purpose}, запит вх. № ${r.index} від ${ukDate(r.receivedDate)}`);
      doc.moveDown(0.4);
      para(doc, 'Інформацію буде надано протягом трьох робочих днів після підтвердження оплати вартості фактичних витрат. Копію документа про оплату просимо надіслати на адресу розпорядника або електронною поштою.');
    },
  });
}
