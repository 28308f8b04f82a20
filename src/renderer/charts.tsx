/**
 * Two plain SVG charts for the report: requests by month as bars, and how requests ended as one
 * horizontal bar of shares. Each carries its figures in words too (a title and a legend with
 * numbers), so nothing is told by colour or length alone.
 */
import { percentText } from '../shared/decimal';

export interface Share {
  label: string;
  value: number;
  className: string;
}

const MONTHS_UA = ['січ', 'лют', 'бер', 'кві', 'тра', 'чер', 'лип', 'сер', 'вер', 'жов', 'лис', 'гру'];
export const monthShort = (m: string): string => `${MONTHS_UA[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

export function MonthBars({ data, title }: { data: { month: string; value: number }[]; title: string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const bw = 44;
  const h = 140;
  const w = Math.max(data.length * bw, 200);
  const desc = data.map((d) => `${monthShort(d.month)}: ${d.value}`).join('; ');
  return (
    <figure className="chart">
      <svg role="img" aria-label={`${title}. ${desc}`} viewBox={`0 0 ${w} ${h + 34}`} width={w} height={h + 34}>
        <line x1={0} y1={h} x2={w} y2={h} className="axis" />
        {data.map((d, i) => {
          const bh = Math.round((d.value / max) * (h - 18));
          const x = i * bw + 8;
          return (
            <g key={d.month}>
              <rect x={x} y={h - bh} width={bw - 16} height={bh} className="bar" />
              <text x={x + (bw - 16) / 2} y={h - bh - 4} textAnchor="middle" className="bar-value">
                {d.value}
              </text>
              <text x={x + (bw - 16) / 2} y={h + 16} textAnchor="middle" className="bar-label">
                {monthShort(d.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

export function ShareBar({ shares, title }: { shares: Share[]; title: string }) {
  const total = shares.reduce((a, s) => a + s.value, 0);
  const pct = (v: number) => percentText(v, total);
  let x = 0;
  const desc = shares.map((s) => `${s.label}: ${s.value} (${pct(s.value)})`).join('; ');
  return (
    <figure className="chart share-chart">
      <svg role="img" aria-label={`${title}. ${total ? desc : 'запитів немає'}`} viewBox="0 0 600 28" width="100%" height={28} preserveAspectRatio="none">
        {total === 0 ? <rect x={0} y={0} width={600} height={28} className="share-empty" /> : null}
        {shares.map((s) => {
          const w = total ? (s.value / total) * 600 : 0;
          const r = <rect key={s.label} x={x} y={0} width={w} height={28} className={s.className} />;
          x += w;
          return r;
        })}
      </svg>
      <figcaption>
        {title}
        <ul className="legend">
          {shares.map((s) => (
            <li key={s.label}>
              <span className={`swatch ${s.className}`} aria-hidden="true" /> {s.label}: {s.value} ({pct(s.value)})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
