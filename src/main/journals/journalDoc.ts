/** What every rendering of the journal gets: the rows and the words around them. */
import type { JournalRow } from '../../shared/journalRows';

export interface JournalDoc {
  /** The holder of information (the council's name from the settings). */
  holder: string;
  title: string;
  /** `за листопад 2026 року` or `з … по …`. */
  period: string;
  rows: JournalRow[];
  /** Closing lines: how many numbers, how many voided, results. */
  totals: string[];
  signature: { position: string; person: string };
  csvSeparator: ';' | ',';
}
