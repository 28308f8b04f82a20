/**
 * The vocabulary of the register: channels, requester kinds, statuses and events.
 * Wording for people lives in `wording.ts`; validation in `schemas.ts`.
 */
import type { AttachmentInfo } from './attachments';
import type { IsoDate } from './calendar/types';
import type { TermWarning } from './termGuards';

export const CHANNELS = ['in_person', 'post', 'email', 'fax', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const FORMS = ['written', 'oral'] as const;
export type RequestForm = (typeof FORMS)[number];

export const REQUESTER_TYPES = ['natural', 'legal', 'association'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

export const REPLY_WAYS = ['post', 'fax', 'email', 'in_person'] as const;
export type ReplyWay = (typeof REPLY_WAYS)[number];

/** Art. 22 part 1 of the Law, in the law's order. */
export const REFUSAL_GROUNDS = [1, 2, 3, 4] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const STATUSES = [
  'registered',
  'in_progress',
  'extended',
  'awaiting_payment',
  'answered',
  'refused',
  'redirected',
  'not_considered',
  'void',
] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = ['registered', 'in_progress', 'extended', 'awaiting_payment'];
export const isOpen = (s: Status): boolean => OPEN_STATUSES.includes(s);
/** Closed by a letter (answer, refusal, redirect, «без розгляду»), whose date the journal keeps; voided is not. */
export const isClosedByLetter = (s: Status): boolean => !isOpen(s) && s !== 'void';

export const ACTIONS = [
  'assign',
  'extend',
  'cost_notice',
  'payment_received',
  'answer',
  'refuse',
  'redirect',
  'not_considered',
  'void',
  'note',
  'correct',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Fields of Art. 19 part 5 whose absence makes a request incomplete. */
export const REQUIRED_PARTS = ['requesterName', 'postalAddressOrEmail', 'description', 'signed'] as const;
export type RequiredPart = (typeof REQUIRED_PARTS)[number];

export interface OfficialWhoWrote {
  name: string;
  phone: string;
}

/** What the clerk records at registration (Art. 19 part 5, Appendix 3). */
export interface Registration {
  /**
   * The moment of receipt. When only the date is known (`receivedTimeKnown: false`, imported
   * journals), the start of that Kyiv day: no term counted from it can end later than the law's.
   */
  receivedAt: string;
  /** False when the source gave the date of receipt but no time; absent (older events) means known. */
  receivedTimeKnown?: boolean;
  /** How it arrived; null when the source did not say («не зазначено») — only an imported journal can. */
  channel: Channel | null;
  /** Written or oral; null when an imported journal did not say and its channel does not tell. */
  form: RequestForm | null;
  requesterType: RequesterType;
  requesterName: string;
  postalAddress: string;
  email: string;
  phone: string;
  /** Since migration 0005; '' in older events. */
  fax: string;
  /** The date written on the request; null when it has none or it was not typed (older events). */
  requestDate: IsoDate | null;
  description: string;
  urgent: boolean;
  urgentReason: string;
  /** How the requester wants the answer; null when an imported journal did not say. */
  replyBy: ReplyWay | null;
  /** Signature and date on a written request; null when an imported journal did not say. */
  signed: boolean | null;
  filledByOfficial: OfficialWhoWrote | null;
}

/** What a correction may change: everything typed at registration but the moment of receipt. */
export type CorrectableRegistration = Omit<Registration, 'receivedAt'>;

export type CostFormat = 'A4' | 'A3';

export type EventPayloads = {
  /**
   * `journalId` and `series` since sync (older events: the main journal, the shared series).
   * `series` is the desk code when the index template has `{desk}` (each desk its own numbers), else ''.
   */
  registered: Registration & { index: string; journal: string; year: number; seq: number; journalId?: string; series?: string };
  /** `phone`: the executor's own, for the letters' «відмітка про виконавця» (older events have none). */
  assigned: { executor: string; unit?: string; phone?: string };
  extended: { reason: string };
  cost_notice: { pages: number; format: CostFormat; restricted: boolean; amount: number | null };
  payment_received: { date: IsoDate };
  /**
   * `date` is the answer's own date — null when an imported journal says the request was answered
   * but not when; `at` the instant it was sent or handed over, when known.
   */
  answered: { outgoingIndex?: string; date: IsoDate | null; at?: string; sentBy?: ReplyWay };
  /**
   * `date` on the closing letters: absent — dated by the moment recorded (every letter the desk
   * writes); null — an imported journal gave the result but not its date (closed, date unknown).
   */
  refused: { ground: RefusalGround; explanation: string; date?: null };
  redirected: { holder: string; holderAddress?: string; date?: null };
  not_considered: { missing: string; date?: null };
  voided: { reason: string };
  note: { text: string };
  /** A registration field fixed after the fact: the old and new values stay in the history. */
  corrected: { changes: Partial<CorrectableRegistration>; previous: Partial<CorrectableRegistration>; reason: string };
  document_issued: { kind: string; outgoingIndex?: string };
  /** A person's choice between final actions recorded at desks that were apart (see sync/conflicts). */
  conflict_resolved: { keep: string; events: string[]; note?: string };
  /** A scan kept with the request; its bytes live in `attachments` and travel with the event. */
  attached: { attachmentId: string; name: string; mime: string; size: number; sha256: string };
  /**
   * A scan taken off the request, with why. Its bytes stay in the register and on the server (both
   * append-only): a desk that syncs later still receives the 'attached' event with them, and the
   * history keeps what was removed. The card and `show` no longer list it.
   */
  attachment_removed: { attachmentId: string; name: string; reason: string };
};
export type EventType = keyof EventPayloads;

/** One immutable entry in a request's history; state is a fold over these. */
export interface RequestEvent<T extends EventType = EventType> {
  id: string;
  requestId: string;
  type: T;
  payload: EventPayloads[T];
  /** When it happened (ISO instant, Kyiv offset). */
  at: string;
  desk: string;
  user: string;
  /** Hybrid logical clock: sortable, so every desk orders events the same way. */
  hlc: string;
}

export interface Deadline {
  dueDate: IsoDate;
  dueAt?: string;
}

/** The current state of a request, derived from its events only. */
export interface RequestState {
  status: Status;
  executor: string | null;
  unit: string | null;
  /** The assigned executor's own phone, when the assignment gave one. */
  executorPhone: string | null;
  extended: boolean;
  extensionReason: string | null;
  /** Set when the extension notice was recorded after its 5-working-day limit. */
  extensionLate: boolean;
  /** Set when the cost notice was recorded after its 5-working-day limit. */
  costNoticeLate: boolean;
  /** Every outgoing number given on this request (letters issued, the answer), in order, each once. */
  outgoing: string[];
  /** Warnings the clerk confirmed when acting (late notices, no address, …), as kept in the events. */
  warnings: TermWarning[];
  cost: EventPayloads['cost_notice'] | null;
  paymentDate: IsoDate | null;
  answer: EventPayloads['answered'] | null;
  refusal: EventPayloads['refused'] | null;
  redirect: EventPayloads['redirected'] | null;
  notConsidered: string | null;
  voidReason: string | null;
  notes: string[];
  /** The term the holder must meet next; null once the request is closed or while waiting for payment. */
  due: Deadline | null;
  /** The answer term as it stood when the request was closed (for "answered late"). */
  finalDue: Deadline | null;
  closedOn: IsoDate | null;
  answeredLate: boolean;
  /** Other terms still running: extension notice, cost notice, redirect. */
  noticeDeadlines: { kind: 'extension_notice' | 'cost_notice' | 'redirect'; dueDate: IsoDate }[];
}

export interface RequestRecord extends Registration {
  receivedTimeKnown: boolean;
  id: string;
  index: string;
  journal: string;
  year: number;
  seq: number;
  receivedDate: IsoDate;
  complete: boolean;
  missing: RequiredPart[];
}

export interface RequestView extends RequestRecord {
  state: RequestState;
  status: Status;
  dueDate: IsoDate | null;
  dueAt?: string;
  dueState: 'ok' | 'soon' | 'today' | 'overdue' | null;
  events: RequestEvent[];
  /** Incompatible final actions from desks that were apart, until a person resolves them. */
  conflict: { events: string[]; message: string } | null;
  /** Scans kept with the request (without their bytes). */
  attachments: AttachmentInfo[];
}

export interface RequestSummary {
  id: string;
  index: string;
  year: number;
  seq: number;
  receivedAt: string;
  receivedTimeKnown: boolean;
  channel: Channel | null;
  requesterType: RequesterType;
  requesterName: string;
  description: string;
  urgent: boolean;
  complete: boolean;
  status: Status;
  executor: string | null;
  dueDate: IsoDate | null;
  dueAt?: string;
  dueState: 'ok' | 'soon' | 'today' | 'overdue' | null;
  /** What the paper journal's last columns hold: the result in words, the answer's number and date. */
  result: string;
  outgoingIndex: string | null;
  resultDate: IsoDate | null;
  /**
   * A reserved number never used (the year's end, sync/yearEnd.ts): only `id` (its marker), `index`,
   * `year`, `seq` and `result` mean anything; it has no card.
   */
  unused?: true;
}
