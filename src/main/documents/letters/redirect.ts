/** Art. 22 part 3: the covering letter that sends the request to the holder that has the information. */
import { AppError } from '../../../shared/errors';
import type { RequestView } from '../../../shared/domain';
import { LAW, renderLetter, requestMention, type LetterContext } from './letterhead';

export function redirectOf(r: RequestView): NonNullable<RequestView['state']['redirect']> {
  if (!r.state.redirect) throw new AppError('not_allowed', 'Запит не направлено іншому розпоряднику: спершу виконайте дію «Направити належному розпоряднику»');
  return r.state.redirect;
}

export function redirectLetter(ctx: LetterContext): Promise<Buffer> {
  const r = ctx.request;
  const to = redirectOf(r);
  return renderLetter(ctx, {
    title: 'Супровідний лист про направлення запиту на інформацію',
    to: [to.holder, to.holderAddress ?? ''].filter(Boolean),
    subject: 'Про направлення запиту на інформацію за належністю',
    paragraphs: [
      `Відповідно до частини третьої статті 22 ${LAW} направляємо Вам за належністю ${requestMention(r)}${r.requesterName ? ` (запитувач — ${r.requesterName})` : ''}, оскільки ${ctx.settings.council.name} не володіє запитуваною інформацією, а її розпорядником, наскільки нам відомо, є Ваш орган.`,
      'Про направлення запиту одночасно повідомлено запитувача. Строк розгляду запиту обчислюється з дня його надходження до Вас.',
    ],
    enclosure: `Додаток: копія запиту на ${ctx.requestSheets ?? '___'} арк.`,
  });
}
