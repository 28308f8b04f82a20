/**
 * Main's side of the service host (serviceHost.ts): starts it, forwards each API call with a request
 * id and returns its answer, answers what the host asks of main (printing, the folder dialog, the
 * keychain), and notices when the host dies. No Electron import: main passes the `fork`.
 *
 * A call in flight when the host dies is answered with an error, never with success: the host
 * answers only after its transaction has committed, so a call with no answer may or may not have
 * committed, and the message says to look in the journal before repeating it.
 */
import type { AppErrorData, Result } from '../../shared/errors';
import { toErrorData } from '../api/errorData';
import type { FromHost, HostAsk, HostStart, ToHost } from './serviceHostProtocol';

/** What main needs of Electron's UtilityProcess (and what the tests' stand-in gives). */
export interface HostProcess {
  on(event: 'message', listener: (message: FromHost) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: ToHost): void;
  kill(): boolean;
}

export const HOST_DIED_IN_CALL =
  'Служба реєстру несподівано зупинилася, поки виконувалася ця дія, тому відповіді немає. ' +
  'Якщо це була реєстрація чи інша зміна, спершу перевірте в журналі, чи її збережено, і лише тоді повторюйте.';
export const HOST_NOT_RUNNING =
  'Служба реєстру не працює, тому дію не виконано. Перезапустіть службу у вікні повідомлення або закрийте і знову відкрийте програму.';

/** How long closing waits for the host to finish a sync's transaction and close the register. */
const STOP_GRACE_MS = 30_000;

export interface ServiceHostOptions {
  fork: () => HostProcess;
  /** Built afresh at each start: the password may have changed since. */
  start: () => HostStart;
  answer: (ask: HostAsk) => Promise<unknown>;
  /** The host died on its own (not stopped by main). */
  onDeath: (code: number) => void;
}

export type StartOutcome = { ok: true } | { ok: false; title: string; message: string };

export class ServiceHost {
  private proc: HostProcess | null = null;
  private ready = false;
  private stopping: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();

  constructor(private readonly opts: ServiceHostOptions) {}

  get running(): boolean {
    return this.ready;
  }

  /** Starts the host and waits until its register is open (or it says why not). */
  start(): Promise<StartOutcome> {
    const proc = this.opts.fork();
    this.proc = proc;
    this.stopping = null;
    return new Promise<StartOutcome>((settle) => {
      let started = false;
      proc.on('message', (m) => {
        if (m.type === 'ready') {
          started = true;
          this.ready = true;
          settle({ ok: true });
        } else if (m.type === 'openFailed') {
          started = true;
          settle({ ok: false, title: m.title, message: m.message });
          proc.kill();
        } else if (m.type === 'answer') {
          const done = this.pending.get(m.id);
          this.pending.delete(m.id);
          done?.(m.result);
        } else if (m.type === 'ask') void this.reply(proc, m.id, m.ask);
      });
      proc.on('exit', (code) => {
        const wasReady = this.ready;
        this.ready = false;
        if (this.proc === proc) this.proc = null;
        for (const [id, done] of this.pending) {
          this.pending.delete(id);
          done({ ok: false, error: { kind: 'io', message: HOST_DIED_IN_CALL } });
        }
        if (!started)
          settle({ ok: false, title: 'Не вдалося запустити службу реєстру', message: `Служба, що працює з реєстром, завершилася під час запуску (код ${code}). Реєстр не змінено.\n\nЩо робити: запустіть програму знову; якщо повториться — зверніться до адміністратора.` });
        else if (wasReady && !this.stopping) this.opts.onDeath(code);
      });
      proc.postMessage(this.opts.start());
    });
  }

  /** Forwards one API call; the answer is the host's Result, or an error if it is not running or dies. */
  call(method: unknown, input: unknown): Promise<Result<unknown>> {
    const proc = this.proc;
    if (!proc || !this.ready || this.stopping) return Promise.resolve({ ok: false, error: { kind: 'io', message: HOST_NOT_RUNNING } });
    const id = this.nextId++;
    return new Promise((done) => {
      this.pending.set(id, done);
      proc.postMessage({ type: 'call', id, method, input });
    });
  }

  /** Closes the register in the host (a sync under way finishes first) and waits for it to exit. */
  stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return Promise.resolve();
    this.stopping ??= new Promise<void>((ok) => {
      // A host stuck past a generous wait must not keep the app from quitting: killed, SQLite rolls back what it had open.
      const stuck = setTimeout(() => proc.kill(), STOP_GRACE_MS);
      proc.on('exit', () => {
        clearTimeout(stuck);
        ok();
      });
      proc.postMessage({ type: 'stop' });
    });
    return this.stopping;
  }

  private async reply(proc: HostProcess, id: number, ask: HostAsk): Promise<void> {
    let message: ToHost;
    try {
      message = { type: 'reply', id, ok: true, value: (await this.opts.answer(ask)) ?? null };
    } catch (e) {
      message = { type: 'reply', id, ok: false, error: toErrorData(e) as AppErrorData };
    }
    // A host that died meanwhile has nobody to hear the answer.
    if (this.proc === proc) proc.postMessage(message);
  }
}
