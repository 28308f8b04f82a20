/** What the app's «Перевірити реєстр» answers (main/sync/verifyServer.ts). */
export interface AppVerifyReport {
  ok: boolean;
  requests: number;
  events: number;
  /** Faults of the register: the file's own, and events missing against the server's anchors. */
  findings: string[];
  /** How many of this desk's anchors the server holds; null when the server was not (or could not be) asked. */
  anchors: number | null;
  /** What the check could not do (the server out of reach), said so and not counted as findings. */
  warnings: string[];
}
