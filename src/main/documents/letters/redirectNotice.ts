/** Art. 22 part 3: the requester is told at the same time where the request was sent. */
import { LAW, renderLetter, requesterAddress, requestMention, type LetterContext } from './letterhead';
import { redirectOf } from './redirect';

export async function redirectNoticeLetter(ctx: LetterContext): Promise<Buffer> {
  const r = ctx.request;
  const to = redirectOf(r);
  return renderLetter(ctx, {
    title: 'Повідомлення про направлення запиту належному розпоряднику',
    to: await requesterAddress(r),
    subject: 'Про направлення запиту на інформацію належному розпоряднику',
    paragraphs: [
      `Повідомляємо, що ${ctx.settings.council.name} не володіє інформацією, про яку йдеться у Вашому ${requestMention(r).replace(/^запит /, 'запиті ')}.`,
      `Відповідно до частини третьої статті 22 ${LAW} Ваш запит направлено належному розпоряднику: ${[to.holder, to.holderAddress].filter(Boolean).join(', ')}. Відповідь Вам надасть цей розпорядник; строк розгляду запиту обчислюється з дня його надходження до нього.`,
    ],
  });
}
