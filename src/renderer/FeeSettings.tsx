/**
 * Settings → the holder's own rates for copies (Art. 21 part 2; CMU No. 740 as restated by No. 4 of
 * 15.01.2020 sets the caps). None by default: until the holder's decision is entered here, copies are
 * free, and the cost notice cites the decision's number and date.
 */
import { LEGAL_MAX_RATES } from '../shared/fees';
import { Checkbox, TextField } from './Fields';
import { RATE_KINDS, type Draft, type RateDraft, type Update } from './settingsDraft';

const RATE_LABEL: Record<(typeof RATE_KINDS)[number], string> = {
  a4: 'А4 і менше, %',
  a3: 'А3 і більше, %',
  restricted: 'З виокремленням інформації з обмеженим доступом, %',
  scan: 'Сканування, %',
};

const EMPTY: RateDraft = { from: '', a4: '', a3: '', restricted: '', scan: '', decisionNumber: '', decisionDate: '' };

export function FeeSettings({ d, upd, err }: { d: Draft; upd: Update; err: (p: string) => string | undefined }) {
  const rows = d.fees.rates;
  const setRow = (i: number, patch: Partial<RateDraft>) => upd((x) => ({ ...x, fees: { ...x.fees, rates: x.fees.rates.map((r, j) => (j === i ? { ...r, ...patch } : r)) } }));
  return (
    <fieldset className="panel" id="s-fees">
      <legend>Ставки відшкодування витрат</legend>
      <p className="muted small">
        Відсоток прожиткового мінімуму для працездатних осіб за сторінку, як встановив розпорядник своїм рішенням у межах граничних норм постанови КМУ № 740 (у редакції № 4
        від 15.01.2020). Поки рішення не внесено, копії надаються безоплатно.
      </p>
      {rows.length === 0 ? <p data-testid="no-rates">Ставок не встановлено — копії безоплатні.</p> : null}
      {rows.map((r, i) => (
        <div className="rate-row" key={i} role="group" aria-label={`Рішення про ставки ${i + 1}`}>
          <div className="row wrap">
            <TextField id={`s-rate-${i}-decisionNumber`} label="Номер рішення" value={r.decisionNumber} error={err(`fees.rates.${i}.decisionNumber`)} onChange={(v) => setRow(i, { decisionNumber: v })} />
            <TextField id={`s-rate-${i}-decisionDate`} label="Дата рішення" hint="ДД.ММ.РРРР" value={r.decisionDate} error={err(`fees.rates.${i}.decisionDate`)} onChange={(v) => setRow(i, { decisionDate: v })} />
            <TextField id={`s-rate-${i}-from`} label="Ставки діють з" hint="ДД.ММ.РРРР" value={r.from} error={err(`fees.rates.${i}.from`)} onChange={(v) => setRow(i, { from: v })} />
          </div>
          <div className="row wrap">
            {RATE_KINDS.map((k) => (
              <TextField
                key={k}
                id={`s-rate-${i}-${k}`}
                className="num"
                label={RATE_LABEL[k]}
                hint={`не більше ${String(LEGAL_MAX_RATES[k]).replace('.', ',')}`}
                inputMode="text"
                value={r[k]}
                error={err(`fees.rates.${i}.${k}`)}
                onChange={(v) => setRow(i, { [k]: v })}
              />
            ))}
          </div>
          <button type="button" className="icon" onClick={() => upd((x) => ({ ...x, fees: { ...x.fees, rates: x.fees.rates.filter((_, j) => j !== i) } }))}>
            Видалити рішення {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          upd((x) => ({ ...x, fees: { ...x.fees, rates: [...x.fees.rates, { ...EMPTY }] } }));
          window.setTimeout(() => document.getElementById(`s-rate-${rows.length}-decisionNumber`)?.focus(), 0);
        }}
      >
        Додати рішення про ставки
      </button>
      <Checkbox
        id="s-fees-chargeAllPages"
        label="Якщо сторінок більше 10, оплачуються всі сторінки"
        hint="зніміть, якщо рішенням розпорядника перші 10 сторінок безоплатні; так і буде сказано в листі"
        checked={d.fees.chargeAllPages}
        onChange={(v) => upd((x) => ({ ...x, fees: { ...x.fees, chargeAllPages: v } }))}
      />
    </fieldset>
  );
}
