/** The letters by kind, as the CLI's `letter --kind` names them. */
import type { LetterKind } from '../../../shared/documents';
import { costLetter } from './cost';
import { extensionLetter } from './extension';
import type { LetterContext } from './letterhead';
import { redirectLetter } from './redirect';
import { redirectNoticeLetter } from './redirectNotice';
import { refusalLetter } from './refusal';

export const LETTERS: Record<LetterKind, (ctx: LetterContext) => Promise<Buffer>> = {
  extension: extensionLetter,
  refusal: refusalLetter,
  redirect: redirectLetter,
  redirect_notice: redirectNoticeLetter,
  cost: costLetter,
};
