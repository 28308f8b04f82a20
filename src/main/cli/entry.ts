import { processIo, runCli } from './main';

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Помилка: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
