/** Art. 22: a refusal in writing with the ground in the law's words, the reasons and how to appeal (Art. 23). */
import { AppError } from '../../../shared/errors';
import { REFUSAL_GROUND_TEXT } from '../../../shared/wording';
import { LAW, renderLetter, requesterAddress, requestMention, responsible, type LetterContext } from './letterhead';

export async function refusalLetter(ctx: LetterContext): Promise<Buffer> {
  const r = ctx.request;
  const refusal = r.state.refusal;
  if (!refusal) throw new AppError('not_allowed', 'У задоволенні цього запиту не відмовлено: спершу виконайте дію «Відмовити» з підставою і мотивуванням');
  const signer = responsible(ctx.settings);
  return renderLetter(ctx, {
    title: 'Відмова в задоволенні запиту на інформацію',
    to: await requesterAddress(r),
    subject: 'Про відмову в задоволенні запиту на інформацію',
    paragraphs: [
      `Розглянувши Ваш ${requestMention(r)}, повідомляємо, що відповідно до пункту ${refusal.ground} частини першої статті 22 ${LAW} у задоволенні запиту відмовлено з такої підстави: ${REFUSAL_GROUND_TEXT[refusal.ground]}.`,
      `Мотивування відмови: ${refusal.explanation}`,
      `Відповідальна особа за розгляд запиту: ${signer.position} ${signer.fullName}.`,
      `Відповідно до статті 23 ${LAW} рішення, дії чи бездіяльність розпорядника інформації можуть бути оскаржені до керівника розпорядника, вищого органу або суду. Оскарження до суду здійснюється відповідно до Кодексу адміністративного судочинства України.`,
    ],
  });
}
