/**
 * The clerk's main screen: every field of Art. 19 part 5 and Appendix 3, typed without the mouse.
 * Tab or Enter walk the fields, Ctrl+Enter registers from anywhere on the screen, and after each
 * registration the form is fresh again with the cursor on the first field, for the next visitor.
 */
import { PastDateConfirm } from './PastDateConfirm';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RegisterResult } from '../shared/api/contract';
import { CHANNELS, REPLY_WAYS, REQUESTER_TYPES, type Channel, type ReplyWay, type RequestForm, type RequesterType, type RequiredPart } from '../shared/domain';
import { missingParts } from '../shared/registration';
import { CHANNEL_LABEL, FORM_LABEL, REPLY_WAY_LABEL, REQUESTER_TYPE_LABEL, REQUIRED_PART_LABEL } from '../shared/wording';
import { api, type ApiInput } from './api';
import { errorLines, splitErrors, type SplitErrors } from './apiErrors';
import { useShell } from './AppContext';
import { Checkbox, ErrorAlert, RadioGroup, SelectField, TextArea, TextField } from './Fields';
import { nowUaDateTime, parseUaDate, parseUaDateTime, uaDateTime, uaDateWithWeekday } from './format';
import { formKeys } from './keyboard';
import { REGISTRATION_FIELD_LABEL } from './labels';
import { useInterval } from './useApi';
import { DocumentDialog, type DocRequest } from './DocumentDialog';
import { PrintButtons } from './PrintButtons';
import { navigate } from './useRoute';

interface Draft {
  channel: Channel;
  form: RequestForm;
  /** The clerk chose the form by hand: stop deriving it from the channel. */
  formTouched: boolean;
  received: string;
  /** Untouched means "now": the register stamps its own clock at the moment of registration. */
  receivedTouched: boolean;
  requesterType: RequesterType;
  requesterName: string;
  postalAddress: string;
  email: string;
  phone: string;
  /** The requester's fax, asked when the request came by fax or the answer goes by fax. */
  fax: string;
  /** The date written on the request (ДД.ММ.РРРР), when it differs from the day of receipt. */
  requestDate: string;
  description: string;
  urgent: boolean;
  urgentReason: string;
  replyBy: ReplyWay | '';
  signed: boolean;
  byOfficial: boolean;
  officialName: string;
  officialPhone: string;
  /** One per filled-in form: the register answers a repeated submit with the first registration. */
  clientKey: string;
}

const fresh = (clockOffsetMs = 0): Draft => ({
  channel: 'in_person',
  form: 'written',
  formTouched: false,
  received: nowUaDateTime(clockOffsetMs),
  receivedTouched: false,
  requesterType: 'natural',
  requesterName: '',
  postalAddress: '',
  email: '',
  phone: '',
  fax: '',
  requestDate: '',
  description: '',
  urgent: false,
  urgentReason: '',
  replyBy: '',
  signed: false,
  byOfficial: false,
  officialName: '',
  officialPhone: '',
  clientKey: crypto.randomUUID(),
});

/** Which API path each draft field answers for, to clear its error when it is edited. */
const PATH: Partial<Record<keyof Draft, string>> = {
  received: 'receivedAt',
  officialName: 'filledByOfficial.name',
  officialPhone: 'filledByOfficial.phone',
};

/** Element to focus for an invalid API path. */
const FIELD_ID: Record<string, string> = {
  receivedAt: 'reg-received',
  requesterName: 'reg-name',
  postalAddress: 'reg-address',
  email: 'reg-email',
  phone: 'reg-phone',
  fax: 'reg-fax',
  requestDate: 'reg-request-date',
  description: 'reg-description',
  urgentReason: 'reg-urgent-reason',
  replyBy: 'reg-reply',
  'filledByOfficial.name': 'reg-official-name',
  'filledByOfficial.phone': 'reg-official-phone',
};

/** Requester's phone before the official's: the API labels both «Телефон». */

type Registered = RegisterResult & { requesterName: string; requesterType: RequesterType; urgent: boolean };

export function RegistrationForm() {
  const { changed, info } = useShell();
  // The register's clock minus this machine's, taken when the shell's info arrives (every minute):
  // zero in use; a frozen register clock (a demo's `--now`) drifts from it by under a minute.
  const clockOffset = useMemo(() => (info ? Date.parse(info.now) - Date.now() : 0), [info]);
  const [d, setDraft] = useState<Draft>(() => fresh());
  const [errors, setErrors] = useState<SplitErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Registered | null>(null);
  const [resets, setResets] = useState(0);
  /** The missing parts awaiting the clerk's «register it incomplete». */
  const [pendingMissing, setPendingMissing] = useState<RequiredPart[] | null>(null);
  /** A far-past receipt date the register asked about, with the parts already accepted as missing. */
  const [pendingPast, setPendingPast] = useState<{ message: string; acceptMissing?: RequiredPart[] } | null>(null);
  // A ref, not state: a second Ctrl+Enter may come before React has re-rendered with `busy`.
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  // The cursor goes to the first field on arrival and after each registration.
  useEffect(() => firstRef.current?.focus(), [resets]);

  // "Now" keeps up with the register's clock until the clerk types a time of his own.
  const followClock = useCallback(() => setDraft((x) => (x.receivedTouched ? x : { ...x, received: nowUaDateTime(clockOffset) })), [clockOffset]);
  useEffect(followClock, [followClock]);
  useInterval(followClock, 20_000);

  // Ctrl+Enter registers wherever the focus is on this screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function set<K extends keyof Draft>(key: K, value: Draft[K], extra: Partial<Draft> = {}) {
    setDraft((x) => ({ ...x, [key]: value, ...extra }));
    setPendingMissing(null);
    setPendingPast(null);
    const path = PATH[key] ?? key;
    if (errors?.fields[path]) {
      const { [path]: _gone, ...rest } = errors.fields;
      setErrors({ ...errors, fields: rest });
    }
  }

  function showErrors(e: SplitErrors) {
    setErrors(e);
    const first = Object.keys(e.fields).map((p) => FIELD_ID[p]).find(Boolean);
    if (first) document.getElementById(first)?.focus();
  }

  async function submit(ev?: FormEvent, acceptMissing?: RequiredPart[], acceptPastDate = false) {
    ev?.preventDefault();
    if (inFlight.current) return;
    if (pendingPast && !acceptPastDate) return confirmPast();
    if (pendingMissing && !acceptMissing) return confirmIncomplete();
    // A second Ctrl+Enter on the fresh form after a registration: nothing to register, and the
    // number just given stays on screen for the visitor's copy.
    if (result && isBlank(d)) return;
    let receivedAt: string | undefined;
    if (d.receivedTouched) {
      receivedAt = parseUaDateTime(d.received) ?? undefined;
      if (!receivedAt)
        return showErrors({ general: [], fields: { receivedAt: 'вкажіть існуючі дату й час у форматі ДД.ММ.РРРР гг:хх, наприклад 23.11.2026 10:00' } });
    }
    const requestDate = d.requestDate.trim() ? parseUaDate(d.requestDate) : null;
    if (d.requestDate.trim() && !requestDate)
      return showErrors({ general: [], fields: { requestDate: 'вкажіть існуючу дату у форматі ДД.ММ.РРРР, наприклад 20.11.2026' } });
    const input: ApiInput<'requests:register'> = {
      channel: d.channel,
      form: d.form,
      requesterType: d.requesterType,
      requesterName: d.requesterName,
      postalAddress: d.postalAddress,
      email: d.email,
      phone: d.phone,
      fax: d.fax,
      ...(requestDate ? { requestDate } : {}),
      description: d.description,
      urgent: d.urgent,
      urgentReason: d.urgent ? d.urgentReason : '',
      signed: d.form === 'written' && d.signed,
      filledByOfficial: d.byOfficial ? { name: d.officialName, phone: d.officialPhone } : null,
      ...(d.replyBy ? { replyBy: d.replyBy } : {}),
      ...(receivedAt ? { receivedAt } : {}),
      clientKey: d.clientKey,
      ...(acceptMissing ? { acceptMissing } : {}),
      ...(acceptPastDate ? { acceptPastDate } : {}),
    };
    const missing = acceptMissing ? [] : missingOf(d);
    if (missing.length > 0 && missing.length < 4) {
      // A number is given only on purpose: an incomplete request waits for the clerk's word.
      setPendingMissing(missing);
      setResult(null);
      setErrors(null);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const r = await api.call('requests:register', input);
    inFlight.current = false;
    setBusy(false);
    setPendingMissing(null);
    setPendingPast(null);
    const past = !r.ok ? r.error.fields?.find((f) => f.path === 'acceptPastDate') : undefined;
    if (past) {
      // No number was taken: the date waits for the clerk's word, like an incomplete request.
      setResult(null);
      setErrors(null);
      setPendingPast({ message: past.message, ...(acceptMissing ? { acceptMissing } : {}) });
      return;
    }
    if (!r.ok) {
      // The previous visitor's number must not stay on screen beside a failed registration.
      setResult(null);
      return showErrors(splitErrors(r.error));
    }
    setResult({ ...r.value, requesterName: d.requesterName, requesterType: d.requesterType, urgent: d.urgent });
    setErrors(null);
    setDraft(fresh(clockOffset));
    setResets((n) => n + 1);
    changed();
  }

  function confirmIncomplete() {
    if (pendingMissing) void submit(undefined, pendingMissing);
  }

  function confirmPast() {
    if (pendingPast) void submit(undefined, pendingPast.acceptMissing, true);
  }

  const err = (path: string) => errors?.fields[path];
  const keys = formKeys({ ctrlEnter: false });

  return (
    <div className="register-screen">
      <form ref={formRef} className="panel register-form" noValidate onSubmit={submit} onKeyDown={keys} aria-labelledby="reg-title">
        <h1 id="reg-title" className="screen-title" tabIndex={-1}>
          Реєстрація запиту на інформацію
        </h1>
        <div className="form-columns">
          <div className="form-column">
            <section className="group" aria-labelledby="g-arrival">
              <h2 id="g-arrival">Надходження</h2>
              <RadioGroup
                id="reg-channel"
                name="channel"
                legend="Спосіб надходження"
                value={d.channel}
                firstRef={firstRef}
                options={CHANNELS.map((c) => [c, CHANNEL_LABEL[c]] as const)}
                onChange={(c) => set('channel', c, d.formTouched ? {} : { form: c === 'phone' ? 'oral' : 'written' })}
              />
              <div className="row">
                <RadioGroup
                  id="reg-form"
                  name="form"
                  legend="Форма запиту"
                  value={d.form}
                  options={(['written', 'oral'] as const).map((f) => [f, FORM_LABEL[f]] as const)}
                  onChange={(f) => set('form', f, { formTouched: true })}
                />
                <TextField
                  id="reg-received"
                  label="Дата і час надходження"
                  value={d.received}
                  hint={d.receivedTouched ? 'ДД.ММ.РРРР гг:хх' : 'зараз; змініть, якщо запит надійшов раніше'}
                  error={err('receivedAt')}
                  onChange={(v) => set('received', v, { receivedTouched: true })}
                />
              </div>
            </section>
            <section className="group" aria-labelledby="g-requester">
              <h2 id="g-requester">Запитувач</h2>
              <RadioGroup
                id="reg-type"
                name="requesterType"
                legend="Хто подає запит"
                value={d.requesterType}
                options={REQUESTER_TYPES.map((t) => [t, REQUESTER_TYPE_LABEL[t]] as const)}
                onChange={(t) => set('requesterType', t)}
              />
              <TextField
                id="reg-name"
                label={d.requesterType === 'natural' ? "Прізвище, ім'я, по батькові" : 'Найменування'}
                value={d.requesterName}
                required
                error={err('requesterName')}
                onChange={(v) => set('requesterName', v)}
              />
              <TextField
                id="reg-address"
                label="Поштова адреса"
                value={d.postalAddress}
                hint="потрібна поштова адреса або e-mail"
                error={err('postalAddress')}
                onChange={(v) => set('postalAddress', v)}
              />
              <div className="row">
                <TextField id="reg-email" label="Електронна пошта" type="email" inputMode="email" value={d.email} error={err('email')} onChange={(v) => set('email', v)} />
                <TextField id="reg-phone" label="Телефон" type="tel" inputMode="tel" value={d.phone} error={err('phone')} onChange={(v) => set('phone', v)} />
              </div>
              {d.channel === 'fax' || d.replyBy === 'fax' || d.fax ? (
                <TextField id="reg-fax" label="Факс запитувача" hint="номер для відповіді факсом" type="tel" inputMode="tel" value={d.fax} error={err('fax')} onChange={(v) => set('fax', v)} />
              ) : null}
            </section>
          </div>
          <div className="form-column">
            <section className="group" aria-labelledby="g-request">
              <h2 id="g-request">Запит</h2>
              <TextArea
                id="reg-description"
                label="Опис запитуваної інформації"
                hint="загальний опис або вид, назва, реквізити чи зміст документа"
                rows={5}
                required
                value={d.description}
                error={err('description')}
                onChange={(v) => set('description', v)}
              />
              <Checkbox id="reg-urgent" label="Терміновий запит (відповідь протягом 48 годин)" checked={d.urgent} onChange={(v) => set('urgent', v)} />
              {d.urgent ? (
                <TextArea
                  id="reg-urgent-reason"
                  label="Обґрунтування терміновості"
                  hint="захист життя чи свободи, стан довкілля, якість харчових продуктів, аварії, катастрофи, надзвичайні ситуації"
                  rows={2}
                  required
                  value={d.urgentReason}
                  error={err('urgentReason')}
                  onChange={(v) => set('urgentReason', v)}
                />
              ) : null}
              <SelectField<ReplyWay | ''>
                id="reg-reply"
                label="Спосіб отримання відповіді"
                value={d.replyBy}
                error={err('replyBy')}
                options={[['', 'як надійшов запит'] as const, ...REPLY_WAYS.map((w) => [w, REPLY_WAY_LABEL[w]] as const)]}
                onChange={(v) => set('replyBy', v)}
              />
              {d.form === 'written' ? (
                <>
                  <Checkbox id="reg-signed" label="Підпис і дата наявні" checked={d.signed} error={err('signed')} onChange={(v) => set('signed', v)} />
                  <TextField
                    id="reg-request-date"
                    label="Дата на запиті"
                    hint="ДД.ММ.РРРР, як її написав запитувач; порожньо — не вказано"
                    inputMode="numeric"
                    value={d.requestDate}
                    error={err('requestDate')}
                    onChange={(v) => set('requestDate', v)}
                  />
                </>
              ) : null}
              <Checkbox
                id="reg-by-official"
                label="Запит оформлено посадовою особою"
                hint="коли особа з поважних причин не може подати письмовий запит (п. 7 Додатка 3)"
                checked={d.byOfficial}
                onChange={(v) => set('byOfficial', v)}
              />
              {d.byOfficial ? (
                <div className="row">
                  <TextField id="reg-official-name" label="ПІБ посадової особи" required value={d.officialName} error={err('filledByOfficial.name')} onChange={(v) => set('officialName', v)} />
                  <TextField
                    id="reg-official-phone"
                    label="Телефон посадової особи"
                    type="tel"
                    required
                    value={d.officialPhone}
                    error={err('filledByOfficial.phone')}
                    onChange={(v) => set('officialPhone', v)}
                  />
                </div>
              ) : null}
            </section>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary big" disabled={busy}>
            Зареєструвати <span className="key-hint">(Ctrl+Enter)</span>
          </button>
          <span className="hint">Enter — наступне поле, Shift+Enter — попереднє; у багаторядковому полі Enter — новий рядок.</span>
        </div>
      </form>
      <aside className="register-aside" aria-label="Результат реєстрації">
        {errors ? (
          <ErrorAlert title="Запит не зареєстровано. Виправте:" lines={errorLines(errors, (p) => REGISTRATION_FIELD_LABEL[p])} />
        ) : null}
        {pendingMissing ? (
          <IncompleteConfirm missing={pendingMissing} busy={busy} onConfirm={confirmIncomplete} onBack={() => setPendingMissing(null)} />
        ) : null}
        {pendingPast ? (
          <PastDateConfirm
            message={pendingPast.message}
            busy={busy}
            onConfirm={confirmPast}
            onBack={() => {
              setPendingPast(null);
              document.getElementById('reg-received')?.focus();
            }}
          />
        ) : null}
        <div aria-live="polite">{result ? <RegistrationResult r={result} /> : pendingMissing || pendingPast ? null : <FirstHint />}</div>
      </aside>
    </div>
  );
}

function RegistrationResult({ r }: { r: Registered }) {
  const [doc, setDoc] = useState<DocRequest | null>(null);
  return (
    <section className="panel result" aria-labelledby="result-title">
      <h2 id="result-title">Зареєстровано</h2>
      <p className="big-index" data-testid="new-index">
        Вх. № {r.index}
      </p>
      <p className="muted">
        від {uaDateTime(r.receivedAt)}
        {r.requesterName ? ` · ${r.requesterName}` : ''}
      </p>
      <p className="result-due" data-testid="new-due">
        Строк відповіді: <strong>до {r.dueAt ? uaDateTime(r.dueAt) : uaDateWithWeekday(r.dueDate)}</strong>
        {r.dueAt ? <span className="muted"> (48 годин)</span> : <span className="muted"> включно</span>}
      </p>
      {r.complete ? null : (
        <div className="warn-box">
          <strong>Запит неповний (ч. 5 ст. 19 Закону). Бракує:</strong>
          <ul>
            {r.missing.map((m) => (
              <li key={m}>{REQUIRED_PART_LABEL[m as RequiredPart] ?? m}</li>
            ))}
          </ul>
          <span className="muted">Вирішіть у картці, чи залишити запит без розгляду.</span>
        </div>
      )}
      <div className="result-print" role="toolbar" aria-label="Друк документів">
        <PrintButtons requesterType={r.requesterType} open={setDoc} active={doc === null} />
      </div>
      <button type="button" onClick={() => navigate({ screen: 'card', id: r.id })}>
        Відкрити картку
      </button>
      {doc ? <DocumentDialog key={doc.kind} requestId={r.id} doc={doc} onClose={() => setDoc(null)} /> : null}
    </section>
  );
}

const isBlank = (d: Draft) =>
  [d.requesterName, d.postalAddress, d.email, d.phone, d.description, d.urgentReason, d.officialName, d.officialPhone].every((v) => v.trim() === '');

/** Art. 19 part 5 as the form stands (the register checks again). */
function missingOf(d: Draft): RequiredPart[] {
  return missingParts({
    receivedAt: '',
    channel: d.channel,
    form: d.form,
    requesterType: d.requesterType,
    requesterName: d.requesterName.trim(),
    postalAddress: d.postalAddress.trim(),
    email: d.email.trim(),
    phone: d.phone.trim(),
    fax: d.fax.trim(),
    requestDate: null,
    description: d.description.trim(),
    urgent: d.urgent,
    urgentReason: d.urgentReason,
    replyBy: d.replyBy || 'post',
    signed: d.form === 'written' && d.signed,
    filledByOfficial: d.byOfficial ? { name: d.officialName, phone: d.officialPhone } : null,
  });
}

function IncompleteConfirm({ missing, busy, onConfirm, onBack }: { missing: RequiredPart[]; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <section className="panel warn-box" role="alertdialog" aria-labelledby="incomplete-title" aria-describedby="incomplete-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <h2 id="incomplete-title">Запит неповний — номер ще не видано</h2>
      <div id="incomplete-text">
        <p>Бракує (ч. 5 ст. 19 Закону):</p>
        <ul>
          {missing.map((m) => (
            <li key={m}>{REQUIRED_PART_LABEL[m]}</li>
          ))}
        </ul>
        <p className="muted">Доповніть запит або зареєструйте його як неповний: номер буде видано, а запит позначено неповним.</p>
      </div>
      <div className="form-actions">
        <button ref={confirmRef} type="button" className="primary" disabled={busy} onClick={onConfirm}>
          Зареєструвати як неповний <span className="key-hint">(Ctrl+Enter)</span>
        </button>
        <button type="button" onClick={onBack}>
          Доповнити <span className="key-hint">(Esc)</span>
        </button>
      </div>
    </section>
  );
}

function FirstHint() {
  return (
    <section className="panel tips" aria-label="Підказки">
      <h2>Підказки</h2>
      <ul>
        <li>
          <kbd>Tab</kbd> або <kbd>Enter</kbd> — наступне поле; у групі варіантів — стрілки.
        </li>
        <li>
          <kbd>Ctrl+Enter</kbd> — зареєструвати з будь-якого поля.
        </li>
        <li>Після реєстрації тут з’явиться вхідний номер і строк відповіді.</li>
      </ul>
    </section>
  );
}
