/**
 * `registry-desk`: the CLI contract of ../shared/docs/cli.md. Exit 0 on success, 2 on bad
 * input (message on stderr, nothing written), 1 on any other failure.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError, isCallerError } from '../../shared/errors';
import { toErrorData } from '../api/errorData';
import { APP_VERSION } from '../version';
import type { Command, Io } from './command';
import { waitingForImport } from './importWait';

/** Standard input is read once: a command run again after waiting reads the same input. */
function memoStdin(io: Io): Io {
  let text: string | undefined;
  return { ...io, stdin: () => (text ??= io.stdin()) };
}

/**
 * The commands' descriptions load only when a command runs (not for `--version`), and each command
 * loads its services itself: a CLI call pays for the PDF, spreadsheet or PostgreSQL code only when it uses it.
 */
const loadCommands = async (): Promise<Command[]> => (await import('./commands')).COMMANDS;

function help(io: Io, COMMANDS: Command[]): void {
  io.out(`registry-desk ${APP_VERSION} — реєстр запитів на публічну інформацію\n\nКоманди:\n`);
  for (const c of COMMANDS) io.out(`  ${c.usage}\n      ${c.summary}\n`);
  io.out('\nДати — РРРР-ММ-ДД, моменти — ISO 8601 з часовим зсувом; часовий пояс Europe/Kyiv.\n');
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let [name, ...rest] = argv;
  if (name === '--version') {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  const COMMANDS = await loadCommands();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io, COMMANDS);
    return 0;
  }
  // Two-word commands (`server migrate`) are found by their first two words.
  const two = rest[0] && COMMANDS.find((c) => c.name === `${name} ${rest[0]}`);
  if (two) {
    name = two.name;
    rest = rest.slice(1);
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`Невідома команда «${name}». Перелік команд: registry-desk --help\n`);
    return 2;
  }
  try {
    const { values } = parseArgs({ args: rest, options: { ...cmd.options, help: { type: 'boolean' } }, strict: true, allowPositionals: false });
    if (values.help) {
      io.out(`registry-desk ${cmd.usage}\n${cmd.summary}\n`);
      return 0;
    }
    // A command that finds the register held by an import in another process waits for it.
    const once = memoStdin(io);
    const v = values as Record<string, string | boolean | undefined>;
    await waitingForImport(v.db, io, async () => cmd.run(v, once));
    return 0;
  } catch (e) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS code.
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\nДовідка: registry-desk ${cmd.name} --help\n`);
      return 2;
    }
    const data = e instanceof AppError ? e.toData() : toErrorData(e);
    io.err(`Помилка: ${data.message}\n`);
    return isCallerError(data.kind) ? 2 : 1;
  }
}

export const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
};
