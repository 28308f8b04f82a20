/** Dates and times as Ukrainian papers print them; every instant is already in Kyiv time. */
import { kyivIso } from '../../shared/calendar';
import type { IsoDate } from '../../shared/calendar/types';

/** `2026-11-23` → `23.11.2026`. */
export const ukDate = (d: IsoDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** The Kyiv wall-clock `HH:MM` of an instant (stored instants carry the Kyiv offset; others are converted). */
export const ukTime = (instant: string): string => kyivIso(new Date(instant)).slice(11, 16);

const MONTHS = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

/** `2026-11-23` → `23 листопада 2026 р.` */
export const ukDateLong = (d: IsoDate): string => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)} р.`;
