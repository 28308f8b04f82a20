/**
 * What the person sees when the register cannot be opened at start-up. The app must never sit
 * with no window and no word: each cause gets a title, what happened and what to do next.
 * No Electron import here, so the wording is tested under plain Node.
 */
import { AppError } from '../../shared/errors';

export interface OpenFailure {
  title: string;
  message: string;
}

/** The error and its causes, outermost first: openDb wraps SQLite's own error. */
function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) out.push(cur);
  return out;
}

const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');
const textOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function describeOpenFailure(error: unknown, registerFile: string): OpenFailure {
  const errors = chain(error);
  const codes = errors.map(codeOf);
  const text = errors.map(textOf).join(' ');
  const where = `Файл реєстру: ${registerFile}`;

  if (codes.includes('ERR_DLOPEN_FAILED') || /NODE_MODULE_VERSION|bindings file|better_sqlite3\.node|was compiled against a different/i.test(text))
    return {
      title: 'Не вдалося завантажити модуль бази даних',
      message:
        'Програма не змогла завантажити свій модуль SQLite (better-sqlite3), зібраний для цієї версії Electron. ' +
        'Реєстр не змінено.\n\nЩо робити: перевстановіть Registry Desk. Якщо програму запущено з вихідних текстів, ' +
        'виконайте в її папці «node scripts/electron-native.mjs --force» (потрібен інтернет) і запустіть знову.\n\n' +
        `Подробиці: ${textOf(error)}`,
    };
  if (codes.some((c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) || /зайнят|locked|lock file/i.test(text))
    return {
      title: 'Реєстр зайнятий',
      message:
        'Реєстр зараз відкрито іншою програмою (інша копія Registry Desk, командний рядок або відновлення з резервної копії). ' +
        `Реєстр не змінено.\n\nЩо робити: закрийте іншу програму, що працює з реєстром, і запустіть Registry Desk знову.\n\n${where}\n${textOf(error)}`,
    };
  if (error instanceof AppError && error.kind === 'conflict' && /новіш/i.test(error.message))
    return {
      title: 'Реєстр з новішої версії програми',
      message: `Реєстр створено новішою версією Registry Desk, ця версія не може з ним працювати. Реєстр не змінено.\n\nЩо робити: оновіть програму до останньої версії.\n\n${where}`,
    };
  if (codes.some((c) => c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB') || /пошкоджено|не є реєстром|malformed|not a database/i.test(text))
    return {
      title: 'Файл реєстру пошкоджено',
      message:
        'Файл реєстру пошкоджено або це не реєстр Registry Desk. Програма нічого в ньому не змінювала.\n\n' +
        'Що робити: відновіть реєстр з останньої резервної копії (командою «registry-desk restore --db ФАЙЛ --from КОПІЯ» ' +
        `або попросіть адміністратора). Сам файл не видаляйте: він може знадобитися для відновлення.\n\n${where}\n${textOf(error)}`,
    };
  if (codes.some((c) => ['EACCES', 'EPERM', 'EROFS'].includes(c) || c.startsWith('SQLITE_CANTOPEN') || c.startsWith('SQLITE_READONLY')) || /EACCES|EPERM|permission/i.test(text))
    return {
      title: 'Немає доступу до реєстру',
      message: `Програма не має права читати або записувати файл реєстру чи його папку.\n\nЩо робити: перевірте права доступу до папки або зверніться до адміністратора.\n\n${where}\n${textOf(error)}`,
    };
  return {
    title: 'Не вдалося відкрити реєстр',
    message: `Реєстр не вдалося відкрити. Реєстр не змінено.\n\nЩо робити: запустіть програму знову; якщо повториться — зверніться до адміністратора і передайте йому текст нижче.\n\n${where}\n${textOf(error)}`,
  };
}
