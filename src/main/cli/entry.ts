import { processIo, runCli } from './main';

// `registry-desk list … | head`: the reader went away; that ends the output, it is no failure to report.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });


runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Помилка: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
