/**
 * Terms the law sets, guarded before the action rather than only printed afterwards: an extension or a
 * cost notice after its 5-working-day limit, a refusal for non-payment on the very day the costs were
 * announced, a letter to a requester with no address. The clerk is warned and must confirm; the warning
 * is then kept in the event, so the card, the journal and the report show it.
 */
import { kyivDate } from './calendar';
import type { IsoDate } from './calendar/types';
import type { Action, RequestEvent, RequestState } from './domain';

export const TERM_WARNINGS = ['extension_notice_late', 'cost_notice_late', 'refusal_unpaid_same_day', 'no_address'] as const;
export type TermWarningCode = (typeof TERM_WARNINGS)[number];

export interface TermWarning {
  code: TermWarningCode;
  message: string;
  /** The limit that was missed, for the late notices. */
  dueDate?: IsoDate;
}

export interface GuardContext {
  state: Pick<RequestState, 'noticeDeadlines'>;
  events: readonly Pick<RequestEvent, 'type' | 'at'>[];
  postalAddress: string;
  email: string;
}

const dmy = (iso: IsoDate) => iso.split('-').reverse().join('.');

// Actions whose letter goes to the requester (the answer itself may be handed over in person).
const WRITES_TO_REQUESTER: readonly Action[] = ['extend', 'cost_notice', 'refuse', 'redirect', 'answer'];

/** What the clerk should know before `action` is recorded `today` (Kyiv date). */
export function actionWarnings(action: Action, input: { ground?: unknown; sentBy?: unknown }, ctx: GuardContext, today: IsoDate): TermWarning[] {
  const out: TermWarning[] = [];
  const limit = (kind: 'extension_notice' | 'cost_notice') => ctx.state.noticeDeadlines.find((d) => d.kind === kind)?.dueDate;
  const ext = limit('extension_notice');
  if (action === 'extend' && ext !== undefined && today > ext) {
    out.push({
      code: 'extension_notice_late',
      dueDate: ext,
      message: `Строк письмового повідомлення про продовження строку минув ${dmy(ext)} (ч. 4 ст. 20 Закону: не пізніше 5 робочих днів з дня надходження запиту). Продовження буде позначено як несвоєчасне.`,
    });
  }
  const cost = limit('cost_notice');
  if (action === 'cost_notice' && cost !== undefined && today > cost) {
    out.push({
      code: 'cost_notice_late',
      dueDate: cost,
      message: `Строк повідомлення про фактичні витрати минув ${dmy(cost)} (ст. 21 Закону, примітка 9 порядку: протягом 5 робочих днів з дня надходження запиту). Повідомлення буде позначено як несвоєчасне.`,
    });
  }
  if (action === 'refuse' && input.ground === 3) {
    const notice = [...ctx.events].reverse().find((e) => e.type === 'cost_notice');
    if (notice && kyivDate(notice.at) === today) {
      out.push({
        code: 'refusal_unpaid_same_day',
        message: 'Повідомлення про витрати надано сьогодні: запитувач ще не мав змоги їх відшкодувати. Відмова з підстави 3 (ст. 22 Закону) зараз передчасна.',
      });
    }
  }
  const handedOver = action === 'answer' && input.sentBy === 'in_person';
  if (WRITES_TO_REQUESTER.includes(action) && !handedOver && !ctx.postalAddress.trim() && !ctx.email.trim()) {
    out.push({
      code: 'no_address',
      message: 'У запиті немає ні поштової, ні електронної адреси запитувача (п. 1 ч. 5 ст. 19 Закону): лист нікуди надіслати.',
    });
  }
  return out;
}
