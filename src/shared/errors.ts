/**
 * Errors cross every boundary (IPC, HTTP, CLI) as data, never as thrown strings:
 * the UI shows `message` (Ukrainian), the CLI maps `kind` to its exit code.
 */
export const ERROR_KINDS = ['invalid_input', 'not_found', 'not_allowed', 'conflict', 'io', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldError {
  /** Dotted path of the input field, e.g. `filledByOfficial.phone`. */
  path: string;
  message: string;
}

export interface AppErrorData {
  kind: ErrorKind;
  message: string;
  /** For `invalid_input`: each bad field, so a form can put the message beside it. */
  fields?: FieldError[];
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
  toData(): AppErrorData {
    return this.fields ? { kind: this.kind, message: this.message, fields: this.fields } : { kind: this.kind, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Kinds that mean "the caller asked for something wrong" (CLI exit 2), as opposed to a failure (exit 1). */
export const isCallerError = (kind: ErrorKind): boolean =>
  kind === 'invalid_input' || kind === 'not_found' || kind === 'not_allowed' || kind === 'conflict';
