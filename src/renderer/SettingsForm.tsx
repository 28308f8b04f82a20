/**
 * The desk's settings: the council's details (they go into letters and the stamp), the receiving
 * clerk, the payment requisites and the holder's fee rates (the cost notice), the incoming index
 * template with a live preview, the working-day calendar (martial law and government day transfers)
 * and the terms (locked: law). Saved as one validated document; a change of calendar or terms makes
 * the register recompute every open deadline, so the save says so — beside the save button, which
 * stays in view, not at the top of a long page.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../shared/settings';
import { formatIndex, templateProblem } from '../shared/incomingIndex';
import { fieldLabel } from '../shared/fieldLabels';
import { CONFIRM_PATH } from '../shared/settingsGuards';
import { api } from './api';
import { errorLines, splitErrors, type SplitErrors } from './apiErrors';
import { useShell } from './AppContext';
import { ErrorAlert, RadioGroup, SelectField, TextField } from './Fields';
import { formKeys } from './keyboard';
import { useApi } from './useApi';
import { toDraft, toPatch, type Draft } from './settingsDraft';
import { PaymentSettings } from './PaymentSettings';
import { FeeSettings } from './FeeSettings';
import { TermsSettings } from './TermsSettings';
import { AdminSettings } from './AdminSettings';
import { DroppedSettings } from './DroppedSettings';
import { FolderSettings } from './FolderSettings';

type Council = Settings['council'];

const COUNCIL_FIELDS: [keyof Council, string, string?][] = [
  ['name', 'Найменування розпорядника'],
  ['address', 'Поштова адреса'],
  ['email', 'Електронна пошта'],
  ['phone', 'Телефон'],
  ['fax', 'Факс'],
  ['website', 'Вебсайт'],
  ['documentRegisterUrl', 'Адреса системи обліку (реєстру) документів'],
  ['responsiblePerson', 'Відповідальна особа (ПІБ)', 'організовує доступ до публічної інформації'],
  ['responsiblePosition', 'Посада відповідальної особи'],
  ['responsibleFullName', 'Прізвище, ім’я, по батькові відповідальної особи', 'повністю — для відмови (ч. 4 ст. 22 Закону)'],
  ['higherBody', 'Вищий орган (у бланку листа)', 'напр. Калуська міська рада'],
  ['nameGenitive', 'Розпорядник у родовому відмінку', 'для примітки 1 форми запиту: «у володінні …»'],
  ['websiteOwnerGenitive', 'Чий вебсайт, у родовому відмінку', 'для примітки 1: «на веб-сайті …»; порожньо — як вище'],
  ['edrpou', 'Код ЄДРПОУ розпорядника'],
  ['emblemPath', 'Герб для бланка листа: шлях до PNG або JPEG'],
  ['executorPhone', 'Номер для відмітки про виконавця у листах', 'порожньо — номер розпорядника'],
];

/** Who signs the receipt («Запит прийняв(ла)»): the clerk at this desk, never the computer's login. */
const CLERK_FIELDS: [keyof Council, string, string?][] = [
  ['clerkName', 'Ім’я та прізвище', 'підписує розписку: «Запит прийняв(ла)»'],
  ['clerkPosition', 'Посада'],
];

const MODE_LABEL = {
  auto: 'за датами воєнного стану',
  martial: 'завжди як у воєнний стан',
  peacetime: 'завжди як у мирний час',
} as const;

/** The form's own words for its fields (shorter than the shared ones where the section says the rest). */
const labelOf = (p: string) => COUNCIL_FIELDS.concat(CLERK_FIELDS).find(([k]) => `council.${k}` === p)?.[1] ?? fieldLabel(p);

export function SettingsForm() {
  const { changed, info } = useShell();
  const loaded = useApi('settings:get', undefined, []);
  const dropped = useApi('settings:dropped', undefined, []);
  const [d, setD] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<SplitErrors | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The administrator unlocked the statutory terms (sent as the confirmation with the save). */
  const [termsUnlocked, setTermsUnlocked] = useState(false);
  /** The administrator's password, sent with a save that changes the terms or the calendar (AdminSettings). */
  const [adminPassword, setAdminPassword] = useState('');
  /** The mid-year index-format warning, waiting for the clerk's word. */
  const [askTemplate, setAskTemplate] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (loaded.data && !d) setD(toDraft(loaded.data));
  }, [loaded.data, d]);
  // Arrival puts the focus on the title (not a field), so a stray key cannot edit a setting.
  const loadedOnce = !!d;
  useEffect(() => {
    if (loadedOnce) document.getElementById('settings-title')?.focus();
  }, [loadedOnce]);

  if (loaded.error && !d) return <ErrorAlert lines={[loaded.error.message]} />;
  if (!d) return <p className="muted">Завантаження…</p>;

  const upd = (f: (x: Draft) => Draft) => {
    setSaved(null);
    setAskTemplate(null);
    setD((x) => (x ? f(x) : x));
  };
  const err = (p: string) => errors?.fields[p];
  const year = Number((info?.today ?? '2026').slice(0, 4));
  const problem = templateProblem(d.index.template);
  const preview = problem
    ? null
    : formatIndex(d.index.template, { n: 125, year, prefix: d.index.prefix, desk: d.index.deskCode, caseIndex: d.index.caseIndex });
  /** The outcome is read where the clerk pressed the key: the bar beside the button gets the focus. */
  const tell = () => window.setTimeout(() => statusRef.current?.focus(), 0);

  async function send(templateMidYear: boolean) {
    if (!d || busy) return;
    const p = toPatch(d);
    if ('errors' in p) {
      setErrors({ fields: p.errors, general: [] });
      return tell();
    }
    setBusy(true);
    const r = await api.call('settings:update', { ...p.patch, confirm: { statutoryTerms: termsUnlocked, templateMidYear, ...(adminPassword ? { adminPassword } : {}) } });
    setBusy(false);
    if (!r.ok) {
      const ask = r.error.fields?.find((f) => f.path === CONFIRM_PATH.templateMidYear);
      if (ask) {
        setErrors(null);
        setAskTemplate(ask.message);
      } else setErrors(splitErrors(r.error));
      return tell();
    }
    const was = dropped.data ?? [];
    setErrors(null);
    setAskTemplate(null);
    setAdminPassword('');
    setD(toDraft(r.value));
    // Deadlines move only when the calendar or the terms did: say so only then.
    const moved = JSON.stringify([loaded.data?.calendar, loaded.data?.rules]) !== JSON.stringify([r.value.calendar, r.value.rules]);
    setSaved(
      `Налаштування збережено.${moved ? ' Строки відкритих запитів перераховано за новим календарем і строками.' : ''}${was.length ? ` Нечитані раніше частини (${was.length}) тепер збережено такими, як у формі.` : ''}`,
    );
    dropped.reload();
    loaded.reload();
    changed();
    tell();
  }

  function save(e: FormEvent) {
    e.preventDefault();
    void send(false);
  }

  const errorCount = errors ? errors.general.length + Object.keys(errors.fields).length : 0;
  return (
    <form className="settings" noValidate onSubmit={save} onKeyDown={formKeys()} aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title" className="screen-title" tabIndex={-1}>
          Налаштування
        </h1>
      </div>
      <DroppedSettings dropped={dropped.data ?? []} />
      <div className="settings-grid">
        <div className="settings-col">
          <CouncilFields legend="Розпорядник інформації" fields={COUNCIL_FIELDS} d={d} upd={upd} err={err} />
          <CouncilFields legend="Хто приймає запити (розписка)" id="s-clerk" fields={CLERK_FIELDS} d={d} upd={upd} err={err} />
          <PaymentSettings d={d} upd={upd} err={err} />
          <FolderSettings d={d} upd={upd} err={err} />
        </div>
        <div className="settings-col">
          <fieldset className="panel">
            <legend>Вхідний номер</legend>
            <TextField
              id="s-template"
              label="Шаблон вхідного номера"
              hint="{n} — порядковий номер, {yyyy} або {yy} — рік, {prefix} — префікс, {desk} — код робочого місця, {case} — індекс справи"
              value={d.index.template}
              error={err('index.template') ?? problem ?? undefined}
              onChange={(v) => upd((x) => ({ ...x, index: { ...x.index, template: v } }))}
            />
            <p className="preview" aria-live="polite">
              Приклад для № 125: <strong data-testid="index-preview">{preview ?? '—'}</strong>
            </p>
            <div className="row wrap">
              {(
                [
                  ['prefix', 'Префікс'],
                  ['deskCode', 'Код робочого місця'],
                  ['caseIndex', 'Індекс справи'],
                  ['journal', 'Журнал'],
                ] as const
              ).map(([k, label]) => (
                <TextField
                  key={k}
                  id={`s-index-${k}`}
                  label={label}
                  value={d.index[k]}
                  error={err(`index.${k}`)}
                  onChange={(v) => upd((x) => ({ ...x, index: { ...x.index, [k]: v } }))}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="panel">
            <legend>Календар робочих днів</legend>
            <RadioGroup
              id="s-mode"
              name="calendarMode"
              legend="Правила воєнного стану"
              value={d.calendar.mode}
              options={(['auto', 'martial', 'peacetime'] as const).map((m) => [m, MODE_LABEL[m]] as const)}
              hint="у воєнний стан святкові дні — робочі, перенесень немає (Закон № 2136-IX)"
              onChange={(mode) => upd((x) => ({ ...x, calendar: { ...x.calendar, mode } }))}
            />
            <div className="row">
              <TextField
                id="s-martial-from"
                label="Воєнний стан з"
                hint="ДД.ММ.РРРР"
                value={d.calendar.martialLawFrom}
                error={err('calendar.martialLawFrom')}
                onChange={(v) => upd((x) => ({ ...x, calendar: { ...x.calendar, martialLawFrom: v } }))}
              />
              <TextField
                id="s-martial-to"
                label="Воєнний стан по (останній день)"
                hint="порожньо — триває"
                value={d.calendar.martialLawTo}
                error={err('calendar.martialLawTo')}
                onChange={(v) => upd((x) => ({ ...x, calendar: { ...x.calendar, martialLawTo: v } }))}
              />
            </div>
            <Overrides d={d} upd={upd} err={err} />
          </fieldset>
          <TermsSettings d={d} upd={upd} err={err} unlocked={termsUnlocked} unlock={() => setTermsUnlocked(true)} />
          <AdminSettings password={adminPassword} setPassword={setAdminPassword} err={err} />
          <FeeSettings d={d} upd={upd} err={err} />
        </div>
      </div>
      {errors ? <ErrorAlert title="Налаштування не збережено:" lines={errorLines(errors, labelOf)} /> : null}
      <div className="form-actions settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          Зберегти <span className="key-hint">(Ctrl+Enter)</span>
        </button>
        <button
          type="button"
          onClick={() => loaded.data && (setD(toDraft(loaded.data)), setErrors(null), setSaved(null), setAskTemplate(null), setTermsUnlocked(false))}
        >
          Скасувати зміни
        </button>
        <div className="settings-status" ref={statusRef} tabIndex={-1} role="status" aria-live="polite" data-testid="settings-status">
          {saved ? <p className="saved">{saved}</p> : null}
          {errors ? (
            <p className="not-saved">
              Не збережено: {errorCount === 1 ? 'одна помилка' : `помилок — ${errorCount}`}, див. вище й біля полів.
            </p>
          ) : null}
          {askTemplate ? (
            <div className="confirm-box" data-testid="template-confirm">
              <p>{askTemplate}</p>
              <div className="row">
                <button type="button" className="primary" onClick={() => void send(true)}>
                  Так, змінити формат номера
                </button>
                <button type="button" onClick={() => setAskTemplate(null)}>
                  Ні, повернутися
                </button>
              </div>
            </div>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** A group of the council's fields as text boxes (the holder's details, the receiving clerk). */
function CouncilFields(p: { legend: string; id?: string; fields: [keyof Council, string, string?][]; d: Draft; upd: (f: (x: Draft) => Draft) => void; err: (p: string) => string | undefined }) {
  return (
    <fieldset className="panel" id={p.id}>
      <legend>{p.legend}</legend>
      {p.fields.map(([k, label, hint]) => (
        <TextField
          key={k}
          id={`s-council-${k}`}
          label={label}
          hint={hint}
          value={p.d.council[k]}
          error={p.err(`council.${k}`)}
          onChange={(v) => p.upd((x) => ({ ...x, council: { ...x.council, [k]: v } }))}
        />
      ))}
    </fieldset>
  );
}

/** Cabinet of Ministers day transfers: dated data the administrator keeps (ignored under martial law). */
function Overrides({ d, upd, err }: { d: Draft; upd: (f: (x: Draft) => Draft) => void; err: (p: string) => string | undefined }) {
  const rows = d.calendar.overrides;
  const setRow = (i: number, patch: Partial<Draft['calendar']['overrides'][number]>) =>
    upd((x) => ({ ...x, calendar: { ...x.calendar, overrides: x.calendar.overrides.map((o, j) => (j === i ? { ...o, ...patch } : o)) } }));
  return (
    <div className="overrides">
      <h2 className="subhead">Перенесення робочих днів (розпорядження КМУ)</h2>
      {rows.length === 0 ? <p className="muted">Немає. У воєнний стан перенесення не застосовуються.</p> : null}
      {rows.map((o, i) => (
        <div className="row override" key={i}>
          <TextField id={`s-ov-${i}-date`} label={`Дата ${i + 1}`} hint="ДД.ММ.РРРР" value={o.date} error={err(`calendar.overrides.${i}.date`)} onChange={(date) => setRow(i, { date })} />
          <SelectField<'1' | '0'>
            id={`s-ov-${i}-working`}
            label="Цей день"
            value={o.working ? '1' : '0'}
            options={[
              ['1', 'робочий'],
              ['0', 'вихідний'],
            ]}
            onChange={(v) => setRow(i, { working: v === '1' })}
          />
          <TextField id={`s-ov-${i}-note`} className="grow" label="Примітка" value={o.note} error={err(`calendar.overrides.${i}.note`)} onChange={(note) => setRow(i, { note })} />
          <button
            type="button"
            className="icon"
            aria-label={`Видалити день ${i + 1}`}
            onClick={() => upd((x) => ({ ...x, calendar: { ...x.calendar, overrides: x.calendar.overrides.filter((_, j) => j !== i) } }))}
          >
            Видалити
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          upd((x) => ({ ...x, calendar: { ...x.calendar, overrides: [...x.calendar.overrides, { date: '', working: true, note: '' }] } }));
          window.setTimeout(() => document.getElementById(`s-ov-${rows.length}-date`)?.focus(), 0);
        }}
      >
        Додати день
      </button>
    </div>
  );
}
