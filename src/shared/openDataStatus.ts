/** Whether the published open-data set is still current (Lutsk order item 3), for the UI's reminder. */
export interface OpenDataStatus {
  published: { at: string; folder: string; months: number } | null;
  stale: boolean;
  changedMonths: string[];
  /** When the first change after publication was recorded. */
  firstChangeAt: string | null;
  /** The last day to publish the refreshed set. */
  refreshBy: string | null;
  overdue: boolean;
  /** The reminder, Ukrainian; null when nothing is to be done. */
  message: string | null;
}

export interface PublishResult {
  folder: string;
  files: string[];
  months: number;
  publishedAt: string;
}
