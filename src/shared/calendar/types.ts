/** A civil date in Europe/Kyiv, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A Cabinet of Ministers transfer: a working Saturday, or a weekday given off in exchange. */
export interface DayOverride {
  date: IsoDate;
  working: boolean;
  note: string;
}

export interface CalendarSettings {
  /** `auto`: martial law is decided by the dated period below; the other two force one rule set. */
  mode: 'auto' | 'martial' | 'peacetime';
  martialLawFrom: IsoDate;
  /** `null`: martial law is still in force. The administrator sets the last day when it ends. */
  martialLawTo: IsoDate | null;
  /** Government transfers as data; ignored on days under martial law (Law 2136-IX). */
  overrides: DayOverride[];
}

export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'holiday_transfer'
  | 'government_day_off'
  | 'government_working_day';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /**
   * The Ukrainian name of the art. 73 holiday on this date (or, for a transfer, of the holiday that
   * gave the day off; for a government override, its note). Given also under martial law, where the
   * holiday is an ordinary day, so a calendar view can still label it.
   */
  name?: string;
}
