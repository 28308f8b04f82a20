/**
 * One writer at a time between the window's thread and a job's worker, which write the same
 * register through two connections. SQLite would serialise them too, but the window's thread
 * would then wait for a long import inside better-sqlite3's busy timeout — synchronously, with
 * the whole shell frozen — and fail after 5 s. With this gate the desk's write waits on a promise
 * (the HTTP API and the reads keep answering) and goes in the moment the import commits or rolls
 * back; the worker waits synchronously, which only blocks the worker.
 *
 * The gate is one 32-bit word in a SharedArrayBuffer, taken by compare-and-swap, so neither side
 * can slip in between the other's check and its write.
 */
// Atomics.waitAsync is in Node ≥ 16 but in TypeScript's lib only from ES2024.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

const FREE = 0;
const MAIN = 1;
const WORKER = 2;

export class WriteGate {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly word = new Int32Array(this.buffer);

  /**
   * Runs a synchronous write of the window's thread: at once when no job is writing (so calls stay
   * synchronous as before), else when the job's write has ended.
   */
  run<T>(write: () => T): T | Promise<T> {
    if (Atomics.compareExchange(this.word, 0, FREE, MAIN) === FREE) return this.holding(write);
    return (async () => {
      for (;;) {
        const w = waitAsync(this.word, 0, WORKER);
        if (w.async) await w.value;
        if (Atomics.compareExchange(this.word, 0, FREE, MAIN) === FREE) return this.holding(write);
      }
    })();
  }

  /** True while a job's worker holds the gate (its write transaction is open). */
  get jobWriting(): boolean {
    return Atomics.load(this.word, 0) === WORKER;
  }

  /** A worker that died holding the gate (crash, terminate) must not leave the desk unable to write. */
  releaseDeadWorker(): void {
    if (Atomics.compareExchange(this.word, 0, WORKER, FREE) === WORKER) Atomics.notify(this.word, 0);
  }

  private holding<T>(write: () => T): T {
    try {
      return write();
    } finally {
      Atomics.store(this.word, 0, FREE);
      Atomics.notify(this.word, 0);
    }
  }
}

/** The worker's side of the gate: waits (blocking only the worker) while the window's thread writes. */
export function workerSideOfGate(buffer: SharedArrayBuffer): { acquire(): void; release(): void } {
  const word = new Int32Array(buffer);
  return {
    acquire() {
      // The window's thread holds it only for one synchronous write: milliseconds.
      while (Atomics.compareExchange(word, 0, FREE, WORKER) !== FREE) Atomics.wait(word, 0, MAIN, 100);
    },
    release() {
      Atomics.store(word, 0, FREE);
      Atomics.notify(word, 0);
    },
  };
}

const gates = new WeakMap<object, WriteGate>();

/** The gate of one open register (one per `Db` of the window's thread). */
export function gateOf(db: object): WriteGate {
  let g = gates.get(db);
  if (!g) gates.set(db, (g = new WriteGate()));
  return g;
}
