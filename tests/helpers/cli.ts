/** Runs the CLI in-process with captured streams, exactly as the bin would. */
import { runCli } from '../../src/main/cli/main';

export async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s), stdin: () => stdin });
  return { code, out, err, json: () => JSON.parse(out) };
}
