/** Runs the CLI in-process with captured streams, exactly as the bin would. */
import { runCli } from '../../src/main/cli/main';

export async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s), stdin: () => stdin });
  return { code, out, err, json: () => JSON.parse(out) };
}

/**
 * Runs `work` with the CLI's clock frozen at `iso` (REGISTRY_DESK_NOW, read when the CLI opens the
 * register): an in-process CLI call then sees the same day as the temp register's fixed clock,
 * not the machine's date.
 */
export async function atMoment<T>(iso: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.REGISTRY_DESK_NOW;
  process.env.REGISTRY_DESK_NOW = iso;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.REGISTRY_DESK_NOW;
    else process.env.REGISTRY_DESK_NOW = before;
  }
}
