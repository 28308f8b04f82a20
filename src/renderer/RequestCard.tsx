/**
 * One request: what was registered, where it stands, the next term, its history, and the actions
 * its state allows (the same `allowedActions` table that guards the register, so the card never
 * offers a button the register would refuse). Esc goes back to the list the card was opened from.
 */
import { ConflictBanner } from './ConflictBanner';
import { CardAttachments } from './CardAttachments';
import { useRequestVersion } from './useRequestVersion';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DocumentKind } from '../shared/documents';
import { isClosedByLetter, type Action, type RequestView } from '../shared/domain';
import { allowedActions } from '../shared/transitions';
import { ACTION_DONE_LABEL, ACTION_LABEL, CHANNEL_LABEL, FORM_LABEL, formChannelLabel, NOT_STATED, REFUSAL_GROUND_TEXT, REPLY_WAY_LABEL, REQUESTER_TYPE_LABEL, REQUIRED_PART_LABEL, signatureLabel } from '../shared/wording';
import { ActionForm } from './ActionForm';
import { api } from './api';
import { useShell } from './AppContext';
import { DueText, StatusBadge } from './Due';
import { ErrorAlert, TextField } from './Fields';
import { uaDate, uaDateTime, uaDateWithWeekday, uah, uaReceived } from './format';
import { isTyping } from './keyboard';
import { DocumentDialog, type DocRequest } from './DocumentDialog';
import { LETTER_BUTTON, LETTERS_AFTER } from './documentKeys';
import { PrintToolbar } from './PrintToolbar';
import { Timeline } from './Timeline';
import { useApi } from './useApi';
import { navigate, type Route } from './useRoute';

const NOTICE_LABEL = {
  extension_notice: 'Повідомити запитувача про продовження строку',
  cost_notice: 'Повідомити про фактичні витрати',
  redirect: 'Направити належному розпоряднику',
} as const;

export function RequestCard({ id, back }: { id: string | undefined; back: Route }) {
  return id ? <CardView id={id} back={back} /> : <OpenByIndex />;
}

/** Alt+3 with no card open: the clerk types the incoming number heard on the phone. */
function OpenByIndex() {
  const [index, setIndex] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function open(e: FormEvent) {
    e.preventDefault();
    const r = await api.call('requests:get', { index: index.trim() });
    if (r.ok) navigate({ screen: 'card', id: r.value.id });
    else setError(r.error.message);
  }
  return (
    <form className="panel narrow" onSubmit={open} noValidate aria-labelledby="open-title">
      <h1 id="open-title" className="screen-title">
        Відкрити картку запиту
      </h1>
      <TextField id="open-index" label="Вхідний номер" hint="повністю (З-125) або лише порядковий номер цього року (125)" autoFocus value={index} onChange={setIndex} />
      {error ? <ErrorAlert lines={[error]} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary">
          Відкрити
        </button>
      </div>
    </form>
  );
}

function CardView({ id, back }: { id: string; back: Route }) {
  const { version, changed, info } = useShell();
  const got = useApi('requests:get', { index: id }, [id, version]);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [doc, setDoc] = useState<DocRequest | null>(null);
  /** The letters the action just done calls for, offered right under the "done" line. */
  const [letters, setLetters] = useState<readonly DocumentKind[]>([]);
  const headRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const v = got.data?.id === id ? got.data : undefined;
  // Another window or desk changed this request: show it (our own changes reload through `version`).
  useRequestVersion(id, got.reload);

  useEffect(() => {
    setAction(null);
    setDone(null);
    setLetters([]);
    setDoc(null);
  }, [id]);
  // Esc closes an open action form first (the form handles Esc typed inside it), then leaves the card.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isTyping(e.target) || doc) return;
      if (action) setAction(null);
      else navigate(back);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back, action, doc]);
  // Arriving at a card puts the focus on its title, so Tab goes on into the actions.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (v && focused.current !== v.id) {
      focused.current = v.id;
      headRef.current?.focus();
    }
  }, [v]);

  if (got.error && !v) {
    return (
      <div className="panel narrow">
        <ErrorAlert lines={[got.error.message]} />
        <button type="button" onClick={() => navigate(back)}>
          Назад
        </button>
      </div>
    );
  }
  if (!v) return <p className="muted">Завантаження…</p>;

  const ctx = { status: v.status, extended: v.state.extended, costNoticeSent: v.state.cost !== null, paid: v.state.paymentDate !== null };
  const actions = allowedActions(ctx);
  const s = v.state;

  return (
    <article className="card" aria-labelledby="card-title">
      <div className="card-nav">
        <button type="button" className="link" onClick={() => navigate(back)}>
          ← {back.screen === 'today' ? 'До панелі «Сьогодні»' : 'До журналу'} <span className="key-hint">(Esc)</span>
        </button>
      </div>
      <ConflictBanner v={v} onResolved={changed} />
      <header className="panel card-head">
        <div>
          <p className="eyebrow">Картка запиту на інформацію</p>
          <h1 id="card-title" className="big-index" tabIndex={-1} ref={headRef}>
            Вх. № {v.index}
          </h1>
          <p className="muted">
            від {uaReceived(v)} · {formChannelLabel(v.form, v.channel)}
            {v.urgent ? ' · ' : ''}
            {v.urgent ? <span className="tag urgent">терміновий</span> : null}
          </p>
        </div>
        <dl className="card-state">
          <div>
            <dt>Стан</dt>
            <dd data-testid="card-status">
              <StatusBadge status={v.status} />
            </dd>
          </div>
          <div>
            <dt>{s.due ? 'Строк відповіді' : 'Строк'}</dt>
            <dd data-testid="card-due">
              {s.due ? (
                <>
                  до <DueText dueDate={v.dueDate} dueAt={v.dueAt} dueState={v.dueState} />
                  {v.dueAt ? <span className="muted"> (48 годин з моменту надходження)</span> : null}
                  {s.paymentDate ? (
                    <span className="muted"> (3 робочі дні після оплати)</span>
                  ) : s.extended ? (
                    <span className="muted"> (продовжено)</span>
                  ) : null}
                </>
              ) : v.status === 'awaiting_payment' ? (
                <span className="muted">зупинено до підтвердження оплати</span>
              ) : s.closedOn ? (
                <>
                  розгляд завершено {uaDate(s.closedOn)}
                  {s.finalDue ? <span className="muted"> (строк був до {s.finalDue.dueAt ? uaDateTime(s.finalDue.dueAt) : uaDate(s.finalDue.dueDate)})</span> : null}
                  {s.answeredLate ? <span className="tag late">з порушенням строку</span> : null}
                </>
              ) : isClosedByLetter(v.status) ? (
                // Closed by an imported journal that gave the result but not its date.
                <>
                  розгляд завершено, дата <NotStated />
                </>
              ) : (
                '—'
              )}
            </dd>
          </div>
          {s.noticeDeadlines.length ? (
            <div>
              <dt>Інші строки</dt>
              <dd>
                <ul className="plain">
                  {s.noticeDeadlines.map((n) => (
                    <li key={n.kind}>
                      {NOTICE_LABEL[n.kind]}: до {uaDateWithWeekday(n.dueDate)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      </header>

      {v.complete ? null : (
        <div className="warn-box" role="note">
          <strong>Запит неповний (ч. 5 ст. 19 Закону). Бракує:</strong>
          <ul>
            {v.missing.map((m) => (
              <li key={m}>{REQUIRED_PART_LABEL[m] ?? m}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="panel card-actions">
        <div role="group" aria-label="Дії з запитом" className="action-buttons">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              data-action={a}
              className={a === action ? 'pressed' : a === 'void' || a === 'refuse' ? 'danger-outline' : ''}
              aria-pressed={a === action}
              onClick={() => {
                setDone(null);
                setLetters([]);
                setAction(a === action ? null : a);
              }}
            >
              {ACTION_LABEL[a]}
            </button>
          ))}
        </div>
        <PrintToolbar view={v} open={setDoc} active={doc === null} />
      </div>
      {action ? (
        <ActionForm
          key={`${action}-${v.id}`}
          view={v}
          action={action}
          today={info?.today ?? v.receivedDate}
          onCancel={() => {
            // Back to the button that opened the form, so Esc does not drop the focus to the page.
            setAction(null);
            window.setTimeout(() => document.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.focus(), 0);
          }}
          onDone={() => {
            setDone(`${ACTION_DONE_LABEL[action]}.`);
            setLetters(LETTERS_AFTER[action] ?? []);
            setAction(null);
            changed();
            window.setTimeout(() => doneRef.current?.focus(), 0);
          }}
        />
      ) : null}
      <p className="done" role="status" data-testid="action-done" tabIndex={-1} ref={doneRef}>
        {done}
      </p>
      {letters.length ? (
        <div className="letter-offer" role="group" aria-label="Лист за цією дією">
          <span>Сформувати лист:</span>
          {letters.map((k) => (
            <button key={k} type="button" className="primary" onClick={() => setDoc({ kind: k })}>
              {LETTER_BUTTON[k]}
            </button>
          ))}
        </div>
      ) : null}
      {doc ? (
        <DocumentDialog
          key={`${doc.kind}-${v.id}`}
          requestId={v.id}
          doc={doc}
          onClose={() => {
            setDoc(null);
            window.setTimeout(() => headRef.current?.focus(), 0);
          }}
        />
      ) : null}

      <div className="card-columns">
        <section className="panel" aria-labelledby="reg-data">
          <h2 id="reg-data">Реєстраційні дані</h2>
          <dl className="facts">
            <Fact term="Надійшов">{uaReceived(v)}</Fact>
            <Fact term="Спосіб надходження">{v.channel ? CHANNEL_LABEL[v.channel] : <NotStated />}</Fact>
            <Fact term="Форма запиту">{v.form ? FORM_LABEL[v.form] : <NotStated />}</Fact>
            <Fact term="Запитувач">{REQUESTER_TYPE_LABEL[v.requesterType]}</Fact>
            <Fact term={v.requesterType === 'natural' ? 'ПІБ' : 'Найменування'}>{v.requesterName}</Fact>
            <Fact term="Поштова адреса">{v.postalAddress}</Fact>
            <Fact term="Електронна пошта">{v.email}</Fact>
            <Fact term="Телефон">{v.phone}</Fact>
            {v.fax ? <Fact term="Факс">{v.fax}</Fact> : null}
            {v.requestDate ? <Fact term="Дата запиту">{uaDate(v.requestDate)}</Fact> : null}
            <Fact term="Опис запитуваної інформації" wide>
              {v.description}
            </Fact>
            <Fact term="Терміновий">{v.urgent ? `так — ${v.urgentReason}` : 'ні'}</Fact>
            <Fact term="Спосіб отримання відповіді">{v.replyBy ? REPLY_WAY_LABEL[v.replyBy] : <NotStated />}</Fact>
            {/* An oral request has no signature; a request of unknown form may have had one. */}
            {v.form !== 'oral' ? <Fact term="Підпис і дата">{v.signed === null ? <NotStated /> : signatureLabel(v.signed)}</Fact> : null}
            {v.filledByOfficial ? (
              <Fact term="Оформлено посадовою особою">
                {v.filledByOfficial.name}, тел. {v.filledByOfficial.phone}
              </Fact>
            ) : null}
          </dl>
        </section>
        <section className="panel" aria-labelledby="handling">
          <h2 id="handling">Розгляд</h2>
          <dl className="facts">
            <Fact term="Виконавець">{s.executor ? `${s.executor}${s.unit ? ` (${s.unit})` : ''}` : ''}</Fact>
            {s.extended ? (
              <Fact term="Продовження строку">
                {s.extensionReason}
                {s.extensionLate ? <span className="tag late">повідомлено пізніше 5 робочих днів</span> : null}
              </Fact>
            ) : null}
            {s.cost ? (
              <Fact term="Фактичні витрати">
                {s.cost.pages} стор., {s.cost.format}
                {s.cost.restricted ? ', з обмеженим доступом' : ''}; {s.cost.amount === null ? 'без плати' : uah(s.cost.amount)}
                {s.costNoticeLate === true ? <span className="tag late">повідомлено пізніше 5 робочих днів</span> : null}
              </Fact>
            ) : null}
            {s.paymentDate ? <Fact term="Оплату підтверджено">{uaDate(s.paymentDate)}</Fact> : null}
            {s.answer ? (
              <Fact term="Відповідь">
                {[s.answer.outgoingIndex ? `вих. № ${s.answer.outgoingIndex}` : '', s.answer.date ? uaDate(s.answer.date) : `дата відповіді ${NOT_STATED}`, s.answer.sentBy ? REPLY_WAY_LABEL[s.answer.sentBy] : '']
                  .filter(Boolean)
                  .join(', ')}
              </Fact>
            ) : null}
            {s.refusal ? (
              <Fact term="Відмова" wide>
                підстава {s.refusal.ground}: {REFUSAL_GROUND_TEXT[s.refusal.ground]}. {s.refusal.explanation}
                {s.refusal.date === null ? `; дата ${NOT_STATED}` : ''}
              </Fact>
            ) : null}
            {s.redirect ? (
              <Fact term="Направлено">
                {s.redirect.holder}
                {s.redirect.holderAddress ? `, ${s.redirect.holderAddress}` : ''}
                {s.redirect.date === null ? `; дата ${NOT_STATED}` : ''}
              </Fact>
            ) : null}
            {s.notConsidered ? <Fact term="Без розгляду, бракує">{s.notConsidered}</Fact> : null}
            {s.voidReason ? <Fact term="Анульовано">{s.voidReason}</Fact> : null}
            {(s.warnings ?? []).length ? (
              <Fact term="Порушення строків і застереження" wide>
                <ul className="plain warnings">
                  {(s.warnings ?? []).map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </Fact>
            ) : null}
            {s.notes.length ? (
              <Fact term="Примітки" wide>
                <ul className="plain">
                  {s.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </Fact>
            ) : null}
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="history">
        <h2 id="history">Історія</h2>
        <Timeline events={v.events} request={v} />
        <CardAttachments
          v={v}
          onChanged={(text) => {
            setDone(text);
            changed();
            window.setTimeout(() => doneRef.current?.focus(), 0);
          }}
        />
      </section>
    </article>
  );
}

/** A fact the source (an imported journal) did not state: said so, never guessed. */
function NotStated() {
  return <span className="muted">{NOT_STATED}</span>;
}

function Fact({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{term}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}
