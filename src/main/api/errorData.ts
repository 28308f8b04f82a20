/** SQLite and file-system failures as the API and the CLI report them; kept apart from the handlers so the CLI can load it alone. */
import { AppError } from '../../shared/errors';

/** Failures of the file system and SQLite, told by their code (messages differ between versions and locales). */
const BY_CODE: Record<string, { kind: AppError['kind']; message: string }> = {
  SQLITE_BUSY: { kind: 'io', message: 'Реєстр зайнятий іншим процесом. Спробуйте ще раз за кілька секунд; нічого не змінено.' },
  SQLITE_LOCKED: { kind: 'io', message: 'Реєстр зайнятий іншим процесом. Спробуйте ще раз за кілька секунд; нічого не змінено.' },
  SQLITE_FULL: { kind: 'io', message: 'Диск заповнено: зміну не збережено. Звільніть місце на диску і повторіть.' },
  ENOSPC: { kind: 'io', message: 'Диск заповнено: файл не записано. Звільніть місце на диску і повторіть.' },
  SQLITE_READONLY: { kind: 'io', message: 'Реєстр відкрито лише для читання (немає прав на запис у файл чи папку); зміну не збережено.' },
  SQLITE_CORRUPT: { kind: 'io', message: 'Файл реєстру пошкоджено. Запустіть перевірку (verify) і відновіть реєстр з резервної копії.' },
  SQLITE_NOTADB: { kind: 'io', message: 'Файл не є базою SQLite реєстру.' },
  SQLITE_IOERR: { kind: 'io', message: 'Помилка читання чи запису диска; зміну не збережено.' },
  EACCES: { kind: 'io', message: 'Немає прав на доступ до файлу.' },
  EPERM: { kind: 'io', message: 'Немає прав на доступ до файлу.' },
};

export function toErrorData(e: unknown): { kind: AppError['kind']; message: string } {
  if (e instanceof AppError) return e.toData();
  const code = String((e as { code?: unknown })?.code ?? '');
  // SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT…: the extended code starts with the primary one.
  const known = BY_CODE[code] ?? BY_CODE[code.replace(/^(SQLITE_[A-Z]+?)_.*$/, '$1')];
  if (known) return { ...known };
  return { kind: 'internal', message: `Внутрішня помилка: ${e instanceof Error ? e.message : String(e)}` };
}
