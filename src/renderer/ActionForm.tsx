/**
 * The input form of one lifecycle action, per `actionInputs` in shared/schemas. The register
 * decides whether the action is allowed and whether the input is right; this form only gathers
 * it, fills sensible defaults (today's date, the requester's chosen reply way, what is missing)
 * and shows the register's answer next to the fields.
 */
import { escapeCancels } from './modalKeys';
import { useState, type FormEvent } from 'react';
import { REFUSAL_GROUNDS, REPLY_WAYS, type Action, type ReplyWay, type RequestView } from '../shared/domain';
import { whyNot } from '../shared/transitions';
import { actionWarnings } from '../shared/termGuards';
import { ACTION_LABEL, FIELD_LABEL as SHARED_FIELD_LABEL, REFUSAL_GROUND_TEXT, REPLY_WAY_LABEL, REQUIRED_PART_LABEL } from '../shared/wording';
import { api } from './api';
import { errorLines, splitErrors, type SplitErrors } from './apiErrors';
import { CorrectionFields, correctionInitial, correctionInput } from './CorrectionFields';
import { Checkbox, ErrorAlert, RadioGroup, SelectField, TextArea, TextField } from './Fields';
import { parseUaDate, uaDate } from './format';
import { formKeys } from './keyboard';

type Values = Record<string, string | boolean>;

// The register's own field names, with the note's text named for what it is here.
const FIELD_LABEL: Record<string, string> = { ...SHARED_FIELD_LABEL, text: 'Текст примітки' };

function initial(action: Action, v: RequestView, today: string): Values {
  switch (action) {
    case 'assign':
      return { executor: v.state.executor ?? '', unit: v.state.unit ?? '', phone: v.state.executorPhone ?? '' };
    case 'extend':
    case 'void':
      return { reason: '' };
    case 'cost_notice':
      return { pages: '', format: 'A4', restricted: false };
    case 'payment_received':
      return { date: uaDate(today) };
    case 'answer':
      return { outgoingIndex: '', date: uaDate(today), sentBy: v.replyBy ?? '' };
    case 'refuse':
      return { ground: '1', explanation: '' };
    case 'redirect':
      return { holder: '', holderAddress: '' };
    case 'not_considered':
      // Start from what the register found missing: the clerk edits rather than retypes.
      return { missing: v.missing.map((m) => REQUIRED_PART_LABEL[m]).join('; ') };
    case 'note':
      return { text: '' };
    case 'correct':
      return correctionInitial(v);
  }
}

/** The API input, or the fields that cannot be sent as typed. */
function build(action: Action, x: Values, v: RequestView): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const s = (k: string) => String(x[k] ?? '');
  switch (action) {
    case 'assign':
      return { input: { executor: s('executor'), ...(s('unit').trim() ? { unit: s('unit') } : {}), ...(s('phone').trim() ? { phone: s('phone') } : {}) } };
    case 'extend':
    case 'void':
      return { input: { reason: s('reason') } };
    case 'cost_notice': {
      const pages = Number(s('pages').trim());
      if (!s('pages').trim() || !Number.isInteger(pages)) return { errors: { pages: 'вкажіть ціле число сторінок' } };
      return { input: { pages, format: s('format'), restricted: x.restricted === true } };
    }
    case 'payment_received': {
      const date = parseUaDate(s('date'));
      return date ? { input: { date } } : { errors: { date: 'вкажіть існуючу дату у форматі ДД.ММ.РРРР' } };
    }
    case 'answer': {
      const date = s('date').trim() ? parseUaDate(s('date')) : undefined;
      if (date === null) return { errors: { date: 'вкажіть існуючу дату у форматі ДД.ММ.РРРР' } };
      return {
        input: {
          ...(s('outgoingIndex').trim() ? { outgoingIndex: s('outgoingIndex') } : {}),
          ...(date ? { date } : {}),
          ...(s('sentBy') ? { sentBy: s('sentBy') } : {}),
        },
      };
    }
    case 'refuse':
      return { input: { ground: Number(s('ground')), explanation: s('explanation') } };
    case 'redirect':
      return { input: { holder: s('holder'), ...(s('holderAddress').trim() ? { holderAddress: s('holderAddress') } : {}) } };
    case 'not_considered':
      return { input: { missing: s('missing') } };
    case 'note':
      return { input: { text: s('text') } };
    case 'correct':
      return correctionInput(v, x);
  }
}

export function ActionForm({
  view,
  action,
  today,
  onDone,
  onCancel,
}: {
  view: RequestView;
  action: Action;
  today: string;
  onDone: (updated: RequestView) => void;
  onCancel: () => void;
}) {
  const [x, setX] = useState<Values>(() => initial(action, view, today));
  const [errors, setErrors] = useState<SplitErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (k: string) => `act-${action}-${k}`;
  const set = (k: string) => (val: string | boolean) => setX((o) => ({ ...o, [k]: val }));
  const err = (k: string) => errors?.fields[k];
  const str = (k: string) => String(x[k] ?? '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const b = build(action, x, view);
    if ('errors' in b) {
      setErrors({ fields: b.errors, general: [] });
      document.getElementById(id(Object.keys(b.errors)[0]!))?.focus();
      return;
    }
    setBusy(true);
    // The warnings were on screen beside the button the clerk pressed: that is the confirmation.
    const r = await api.call('requests:act', { index: view.id, action, input: b.input, confirmed: warningsFor(b.input).length > 0 });
    setBusy(false);
    if (r.ok) return onDone(r.value);
    const split = splitErrors(r.error);
    // A field named by its path may come as `input.executor`.
    split.fields = Object.fromEntries(Object.entries(split.fields).map(([k, m]) => [k.replace(/^input\.(changes\.)?/, ''), m]));
    setErrors(split);
  }

  const guard = { state: view.state, events: view.events, postalAddress: view.postalAddress, email: view.email };
  const warningsFor = (input: Record<string, unknown>) => actionWarnings(action, input, guard, today);
  const built = build(action, x, view);
  const warnings = 'input' in built ? warningsFor(built.input) : [];
  const ctx = { status: view.status, extended: view.state.extended, costNoticeSent: view.state.cost !== null, paid: view.state.paymentDate !== null };

  return (
    <form
      className="panel action-form"
      noValidate
      aria-labelledby={id('title')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (!escapeCancels(e, onCancel)) formKeys()(e);
      }}
    >
      <h2 id={id('title')}>{ACTION_LABEL[action]}</h2>
      {action === 'assign' ? (
        <div className="row">
          <TextField id={id('executor')} label="Виконавець (ПІБ)" required autoFocus value={str('executor')} error={err('executor')} onChange={set('executor')} />
          <TextField id={id('unit')} label="Структурний підрозділ" value={str('unit')} error={err('unit')} onChange={set('unit')} />
          <TextField id={id('phone')} label="Телефон виконавця" hint="для відмітки про виконавця в листах" type="tel" inputMode="tel" value={str('phone')} error={err('phone')} onChange={set('phone')} />
        </div>
      ) : null}
      {action === 'extend' ? (
        <TextArea
          id={id('reason')}
          label="Обґрунтування продовження строку"
          hint="великий обсяг інформації або пошук серед значної кількості даних; строк — до 20 робочих днів, запитувача повідомляють письмово"
          required
          value={str('reason')}
          error={err('reason')}
          onChange={set('reason')}
          autoFocus
        />
      ) : null}
      {action === 'cost_notice' ? (
        <div className="row">
          <TextField id={id('pages')} label="Кількість сторінок копій" inputMode="numeric" required autoFocus value={str('pages')} error={err('pages')} hint="понад 10" onChange={set('pages')} />
          <RadioGroup id={id('format')} name="format" legend="Формат" value={str('format')} options={[['A4', 'A4 і менше'], ['A3', 'A3 і більше']]} onChange={set('format')} />
          <Checkbox id={id('restricted')} label="Потрібно відокремити інформацію з обмеженим доступом" checked={x.restricted === true} onChange={set('restricted')} />
        </div>
      ) : null}
      {action === 'payment_received' ? (
        <TextField id={id('date')} label="Дата підтвердження оплати" required autoFocus hint="ДД.ММ.РРРР" value={str('date')} error={err('date')} onChange={set('date')} />
      ) : null}
      {action === 'answer' ? (
        <div className="row">
          <TextField id={id('outgoingIndex')} label="Вихідний номер відповіді" autoFocus value={str('outgoingIndex')} error={err('outgoingIndex')} onChange={set('outgoingIndex')} />
          <TextField id={id('date')} label="Дата відповіді" hint="ДД.ММ.РРРР" value={str('date')} error={err('date')} onChange={set('date')} />
          <SelectField<ReplyWay | ''>
            id={id('sentBy')}
            label="Спосіб надсилання"
            value={str('sentBy') as ReplyWay | ''}
            error={err('sentBy')}
            options={[['', 'не вказано'] as const, ...REPLY_WAYS.map((w) => [w, REPLY_WAY_LABEL[w]] as const)]}
            onChange={set('sentBy')}
          />
        </div>
      ) : null}
      {action === 'refuse' ? (
        <>
          <RadioGroup
            id={id('ground')}
            name="ground"
            legend="Підстава відмови (ч. 1 ст. 22 Закону)"
            inline={false}
            value={str('ground')}
            autoFocus
            error={err('ground')}
            options={REFUSAL_GROUNDS.map((g) => [String(g), `${g}) ${REFUSAL_GROUND_TEXT[g]}`] as const)}
            disabledOptions={Object.fromEntries(REFUSAL_GROUNDS.map((g) => [String(g), whyNot('refuse', ctx, g) ?? undefined]))}
            onChange={set('ground')}
          />
          <TextArea id={id('explanation')} label="Мотивування відмови" required value={str('explanation')} error={err('explanation')} onChange={set('explanation')} />
        </>
      ) : null}
      {action === 'redirect' ? (
        <div className="row">
          <TextField id={id('holder')} label="Належний розпорядник інформації" required autoFocus value={str('holder')} error={err('holder')} onChange={set('holder')} />
          <TextField id={id('holderAddress')} label="Адреса розпорядника" value={str('holderAddress')} error={err('holderAddress')} onChange={set('holderAddress')} />
        </div>
      ) : null}
      {action === 'not_considered' ? (
        <TextArea
          id={id('missing')}
          label="Чого бракує в запиті (ч. 5 ст. 19 Закону)"
          required
          value={str('missing')}
          error={err('missing')}
          onChange={set('missing')}
          autoFocus
        />
      ) : null}
      {action === 'void' ? (
        <TextArea
          id={id('reason')}
          label="Причина анулювання"
          hint="номер залишається в журналі з позначкою та поясненням"
          required
          value={str('reason')}
          error={err('reason')}
          onChange={set('reason')}
          autoFocus
        />
      ) : null}
      {action === 'note' ? (
        <TextArea id={id('text')} label="Текст примітки" required value={str('text')} error={err('text')} onChange={set('text')} autoFocus />
      ) : null}
      {action === 'correct' ? <CorrectionFields v={view} id={id} str={str} err={err} set={set} /> : null}
      {warnings.length ? <ErrorAlert title="Увага, строки й вимоги Закону:" lines={warnings.map((w) => w.message)} /> : null}
      {errors ? <ErrorAlert title="Дію не виконано:" lines={errorLines(errors, (p) => FIELD_LABEL[p])} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {warnings.length ? `${ACTION_LABEL[action]} попри застереження` : ACTION_LABEL[action]} <span className="key-hint">(Ctrl+Enter)</span>
        </button>
        <button type="button" onClick={onCancel}>
          Скасувати <span className="key-hint">(Esc)</span>
        </button>
      </div>
    </form>
  );
}
