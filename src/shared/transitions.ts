/**
 * Which actions each status allows. The same table guards the services, the UI (which only
 * offers allowed actions) and sync (events from another desk are folded, not re-checked).
 */
import type { Action, Status } from './domain';
import { isOpen } from './domain';
import { STATUS_LABEL } from './wording';

export interface TransitionContext {
  status: Status;
  extended: boolean;
  costNoticeSent: boolean;
  paid: boolean;
}

/** Null when allowed, otherwise the reason in Ukrainian. */
export function whyNot(action: Action, ctx: TransitionContext, refuseGround?: number): string | null {
  const now = `Запит у стані «${STATUS_LABEL[ctx.status]}»`;
  if (action === 'note') return null;
  // A typo is fixed whatever the stage (the journal must be right), but not on a voided number.
  if (action === 'correct') return ctx.status === 'void' ? 'Запит анульовано: його дані не виправляють' : null;
  if (action === 'void') return ctx.status === 'void' ? 'Запит уже анульовано' : null;
  if (!isOpen(ctx.status)) return `${now}: розгляд завершено, дія неможлива`;
  switch (action) {
    case 'assign':
    case 'redirect':
    case 'not_considered':
      return null;
    case 'extend':
      if (ctx.extended) return 'Строк розгляду вже продовжено (продовжити можна лише один раз, до 20 робочих днів)';
      if (ctx.status === 'awaiting_payment') return `${now}: спершу має бути підтверджена оплата`;
      return null;
    case 'cost_notice':
      if (ctx.costNoticeSent) return 'Повідомлення про фактичні витрати вже надіслано';
      return null;
    case 'payment_received':
      if (ctx.status !== 'awaiting_payment') return `${now}: оплату не очікували (спершу — повідомлення про витрати)`;
      return null;
    case 'answer':
      if (ctx.status === 'awaiting_payment') return `${now}: відповідь надається протягом 3 робочих днів після підтвердження оплати`;
      return null;
    case 'refuse':
      if (refuseGround === 3 && ctx.status !== 'awaiting_payment')
        return 'Відмова з підстави 3 (не оплачено витрати) можлива лише після повідомлення про витрати, поки оплату не підтверджено';
      return null;
  }
}

export function allowedActions(ctx: TransitionContext): Action[] {
  const all: Action[] = ['assign', 'extend', 'cost_notice', 'payment_received', 'answer', 'refuse', 'redirect', 'not_considered', 'void', 'note', 'correct'];
  return all.filter((a) => whyNot(a, ctx, a === 'refuse' ? 1 : undefined) === null);
}
