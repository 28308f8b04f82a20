/** Art. 20 part 4: the term extended to 20 working days, with the reason, told within 5 working days of receipt. */
import { answerDeadline } from '../../../shared/deadlines';
import { AppError } from '../../../shared/errors';
import { EXTENSION_GROUND_CLAUSE, extensionGround } from '../../../shared/extensionGround';
import { ukDate } from '../format';
import { LAW, renderLetter, requesterAddress, requestMention, type LetterContext } from './letterhead';

export async function extensionLetter(ctx: LetterContext): Promise<Buffer> {
  const r = ctx.request;
  if (!r.state.extended || !r.state.extensionReason)
    throw new AppError('not_allowed', 'Строк розгляду цього запиту не продовжено: спершу виконайте дію «Продовжити строк» з обґрунтуванням');
  const s = ctx.settings;
  const ground = extensionGround(r.state.extensionReason);
  const due = answerDeadline({ receivedAt: r.receivedAt, urgent: r.urgent, extended: true }, s.calendar, s.rules);
  return renderLetter(ctx, {
    title: 'Повідомлення про продовження строку розгляду запиту',
    to: await requesterAddress(r),
    subject: 'Про продовження строку розгляду запиту на інформацію',
    paragraphs: [
      ground
        ? `Повідомляємо, що Ваш ${requestMention(r)} ${EXTENSION_GROUND_CLAUSE[ground]}.`
        : `Повідомляємо, що розгляд Вашого запиту на інформацію від ${ukDate(r.receivedDate)} (вх. № ${r.index}) потребує більше часу.`,
      `Відповідно до частини четвертої статті 20 ${LAW} строк розгляду запиту продовжено до ${s.rules.extendedDays} робочих днів з дня надходження запиту. Відповідь буде надано не пізніше ${ukDate(due.dueDate)}.`,
      `Обґрунтування продовження строку: ${r.state.extensionReason}`,
    ],
  });
}
