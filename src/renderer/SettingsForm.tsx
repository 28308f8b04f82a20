/**
 * The desk's settings: the council's details (they go into letters and the stamp), the incoming
 * index template with a live preview, the working-day calendar (martial law and government day
 * transfers) and the terms. Saved as one validated document; a change of calendar or terms makes
 * the register recompute every open deadline, so the save says so.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../shared/settings';
import { formatIndex, templateProblem } from '../shared/incomingIndex';
import { api } from './api';
import { errorLines, splitErrors, type SplitErrors } from './apiErrors';
import { useShell } from './AppContext';
import { ErrorAlert, RadioGroup, SelectField, TextField } from './Fields';
import { parseUaDate, uaDate } from './format';
import { formKeys } from './keyboard';
import { useApi } from './useApi';

type Council = Settings['council'];
type Rules = Settings['rules'];

/** Dates are edited as the clerk types them (ДД.ММ.РРРР) and turned into ISO only on save. */
interface Draft {
  council: Council;
  index: Settings['index'];
  calendar: { mode: Settings['calendar']['mode']; martialLawFrom: string; martialLawTo: string; overrides: { date: string; working: boolean; note: string }[] };
  rules: Record<keyof Rules, string>;
}

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
  ['clerkName', 'Хто приймає запити (ім’я та прізвище)', 'підписує розписку'],
  ['clerkPosition', 'Посада того, хто приймає запити'],
];

const RULE_FIELDS: [keyof Rules, string][] = [
  ['normalDays', 'Відповідь, робочих днів'],
  ['urgentHours', 'Терміновий запит, годин'],
  ['extendedDays', 'Продовжений строк, робочих днів'],
  ['noticeDays', 'Повідомлення про продовження чи витрати, робочих днів'],
  ['redirectDays', 'Направлення належному розпоряднику, робочих днів'],
  ['afterPaymentDays', 'Після підтвердження оплати, робочих днів'],
];

const MODE_LABEL = {
  auto: 'за датами воєнного стану',
  martial: 'завжди як у воєнний стан',
  peacetime: 'завжди як у мирний час',
} as const;

const LABEL: Record<string, string> = {
  ...Object.fromEntries(COUNCIL_FIELDS.map(([k, l]) => [`council.${k}`, l])),
  ...Object.fromEntries(RULE_FIELDS.map(([k, l]) => [`rules.${k}`, l])),
  'index.template': 'Шаблон вхідного номера',
  'index.journal': 'Журнал',
  'index.prefix': 'Префікс',
  'index.deskCode': 'Код робочого місця',
  'index.caseIndex': 'Індекс справи',
  'calendar.mode': 'Календар',
  'calendar.martialLawFrom': 'Воєнний стан з',
  'calendar.martialLawTo': 'Воєнний стан по',
};
const labelOf = (p: string) => LABEL[p] ?? (/^calendar\.overrides\.(\d+)\.(\w+)/.test(p) ? p.replace(/^calendar\.overrides\.(\d+)\.(\w+)$/, (_, i, f) => `День ${Number(i) + 1}: ${{ date: 'дата', note: 'примітка', working: 'вид' }[f as 'date'] ?? f}`) : undefined);

const toDraft = (s: Settings): Draft => ({
  council: { ...s.council },
  index: { ...s.index },
  calendar: {
    mode: s.calendar.mode,
    martialLawFrom: uaDate(s.calendar.martialLawFrom),
    martialLawTo: s.calendar.martialLawTo ? uaDate(s.calendar.martialLawTo) : '',
    overrides: s.calendar.overrides.map((o) => ({ ...o, date: uaDate(o.date) })),
  },
  rules: Object.fromEntries(Object.entries(s.rules).map(([k, v]) => [k, String(v)])) as Draft['rules'],
});

/** The patch to send, or the fields that cannot be read as typed. */
function toPatch(d: Draft): { patch: Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = (path: string, text: string, optional = false): string | null => {
    if (optional && !text.trim()) return null;
    const iso = parseUaDate(text);
    if (!iso) errors[path] = 'вкажіть існуючу дату у форматі ДД.ММ.РРРР';
    return iso;
  };
  const martialLawFrom = date('calendar.martialLawFrom', d.calendar.martialLawFrom);
  const martialLawTo = date('calendar.martialLawTo', d.calendar.martialLawTo, true);
  const overrides = d.calendar.overrides.map((o, i) => ({ ...o, date: date(`calendar.overrides.${i}.date`, o.date) ?? o.date }));
  const rules: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.rules)) {
    const n = Number(v.trim());
    if (!v.trim() || !Number.isInteger(n)) errors[`rules.${k}`] = 'вкажіть ціле число';
    rules[k] = n;
  }
  const template = templateProblem(d.index.template);
  if (template) errors['index.template'] = template;
  if (Object.keys(errors).length) return { errors };
  return { patch: { council: d.council, index: d.index, calendar: { mode: d.calendar.mode, martialLawFrom, martialLawTo, overrides }, rules } };
}

export function SettingsForm() {
  const { changed, info } = useShell();
  const loaded = useApi('settings:get', undefined, []);
  const dropped = useApi('settings:dropped', undefined, []);
  const [d, setD] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<SplitErrors | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    setD((x) => (x ? f(x) : x));
  };
  const err = (p: string) => errors?.fields[p];
  const year = Number((info?.today ?? '2026').slice(0, 4));
  const problem = templateProblem(d.index.template);
  const preview = problem
    ? null
    : formatIndex(d.index.template, { n: 125, year, prefix: d.index.prefix, desk: d.index.deskCode, caseIndex: d.index.caseIndex });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!d || busy) return;
    const p = toPatch(d);
    if ('errors' in p) return setErrors({ fields: p.errors, general: [] });
    setBusy(true);
    const r = await api.call('settings:update', p.patch);
    setBusy(false);
    if (!r.ok) {
      setErrors(splitErrors(r.error));
      return;
    }
    setErrors(null);
    setD(toDraft(r.value));
    setSaved('Налаштування збережено. Строки відкритих запитів перераховано за новим календарем і строками.');
    changed();
  }

  return (
    <form className="settings" noValidate onSubmit={save} onKeyDown={formKeys()} aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title" className="screen-title" tabIndex={-1}>
          Налаштування
        </h1>
      </div>
      {dropped.data && dropped.data.length > 0 && (
        <div className="alert" role="status">
          <p>Частину збережених налаштувань не вдалося прочитати; замість неї діють типові значення. Перевірте й збережіть:</p>
          <ul>
            {dropped.data.map((x) => (
              <li key={x.path}>
                {x.path || 'усі налаштування'}: {x.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="settings-grid">
        <fieldset className="panel">
          <legend>Розпорядник інформації</legend>
          {COUNCIL_FIELDS.map(([k, label, hint]) => (
            <TextField
              key={k}
              id={`s-council-${k}`}
              label={label}
              hint={hint}
              value={d.council[k]}
              error={err(`council.${k}`)}
              onChange={(v) => upd((x) => ({ ...x, council: { ...x.council, [k]: v } }))}
            />
          ))}
        </fieldset>
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
          <fieldset className="panel">
            <legend>Строки</legend>
            <div className="rules">
              {RULE_FIELDS.map(([k, label]) => (
                <TextField
                  key={k}
                  id={`s-rules-${k}`}
                  className="num"
                  label={label}
                  inputMode="numeric"
                  value={d.rules[k]}
                  error={err(`rules.${k}`)}
                  onChange={(v) => upd((x) => ({ ...x, rules: { ...x.rules, [k]: v } }))}
                />
              ))}
            </div>
          </fieldset>
        </div>
      </div>
      {errors ? <ErrorAlert title="Налаштування не збережено:" lines={errorLines(errors, labelOf)} /> : null}
      <div className="form-actions settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          Зберегти <span className="key-hint">(Ctrl+Enter)</span>
        </button>
        <button type="button" onClick={() => loaded.data && (setD(toDraft(loaded.data)), setErrors(null), setSaved(null))}>
          Скасувати зміни
        </button>
        <p role="status" className="saved">
          {saved}
        </p>
      </div>
    </form>
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
