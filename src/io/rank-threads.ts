// The helper thread of rankRound for large boards (issue 17): Node only, installed by the
// process (the CLI, the bench); the web's previews import rank-round.ts without it. One worker,
// started on the first large board and kept (unref'd, so it never holds the process open).
// rankRound is synchronous, so this thread blocks in Atomics.wait while it waits for the helper;
// the values go in, and the scores, ranks and totals come back, through shared columns kept
// from board to board.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HelperJob, HelperRun, RankHelper } from '../core/rank-round.ts';
import { setRankHelper } from '../core/rank-round.ts';

/** Control words in the shared Int32Array: the worker's state, and whether it has loaded. */
export const STATE = 0;
export const READY = 1;
export const IDLE = 0;
export const RUNNING = 1;
export const DONE = 2;
export const FAILED = 3;

/** Below this many units a board is done in one thread: the hand-off costs a few ms. */
export const MIN_UNITS = 100_000;
/**
 * How long to wait for a worker that has not loaded yet, or has not finished a board (a
 * national one takes it well under a second), before doing its share here.
 */
const LOAD_TIMEOUT_MS = 20_000;
const RUN_TIMEOUT_MS = 120_000;

/** What the worker receives per board. */
export interface WorkerJob {
  indicators: HelperJob['indicators'];
  precision: number;
  mode: HelperJob['mode'];
  count: number;
  of: Int32Array;
  sizes: Int32Array;
  starts: Int32Array;
  members: Int32Array;
  scores: Float64Array[];
  ranks: Int32Array[];
  total: Float64Array;
}

function shared<T extends Float64Array | Int32Array>(
  make: new (b: SharedArrayBuffer) => T,
  bytes: number,
  n: number,
): T {
  return new make(new SharedArrayBuffer(n * bytes));
}

interface SharedColumns {
  n: number;
  scores: Float64Array[];
  ranks: Int32Array[];
  total: Float64Array;
  of: Int32Array;
  members: Int32Array;
  sizes: Int32Array;
  starts: Int32Array;
}

/**
 * The worker module beside this one: compiled, the .js file; run from source (tsx, the bench),
 * the .ts file through tsx, which a worker does not inherit from `--import tsx`.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./rank-thread-worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = new URL('./rank-thread-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(code, { eval: true, workerData });
}

class ThreadHelper implements RankHelper {
  private worker: Worker | undefined;
  private control = new Int32Array(new SharedArrayBuffer(8));
  private broken = false;
  private loaded = false;
  private shared: SharedColumns | undefined;
  constructor(readonly minUnits: number) {}

  start(job: HelperJob): HelperRun | undefined {
    if (this.broken) return undefined;
    if (!this.worker) {
      try {
        this.worker = startWorker({ control: this.control });
      } catch {
        // No worker here (e.g. source run without tsx): one thread it is.
        this.broken = true;
        return undefined;
      }
      this.worker.unref();
      // A worker that dies is not used again; rankRound then does everything itself.
      this.worker.on('error', () => {
        this.broken = true;
      });
      this.worker.on('exit', () => {
        this.broken = true;
        this.worker = undefined;
      });
    }
    const n = job.grouping.of.length;
    const columns = this.columns(n, job.values.length, job.grouping.count);
    const scores = columns.scores.slice(0, job.values.length);
    const ranks = columns.ranks.slice(0, job.values.length);
    job.values.forEach((v, k) => {
      scores[k]!.set(v);
    });
    columns.total.fill(0);
    const g = job.grouping;
    const { of, sizes, starts, members } = columns;
    of.set(g.of);
    sizes.set(g.sizes);
    starts.set(g.starts);
    members.set(g.members);
    const message: WorkerJob = {
      indicators: job.indicators,
      precision: job.precision,
      mode: job.mode,
      count: g.count,
      of,
      sizes,
      starts,
      members,
      scores,
      ranks,
      total: columns.total,
    };
    Atomics.store(this.control, STATE, RUNNING);
    this.worker.postMessage(message);
    return { scores, ranks, total: columns.total, wait: () => this.wait() };
  }

  /**
   * The shared columns for k indicators of n units and `count` groups, kept from the last board
   * when they fit: a contest's rounds repeat at one size, and fresh memory costs page faults.
   */
  private columns(n: number, k: number, count: number): SharedColumns {
    let c = this.shared;
    if (!c || c.n !== n || c.scores.length < k || c.sizes.length !== count) {
      const scores = c?.n === n ? c.scores : [];
      const ranks = c?.n === n ? c.ranks : [];
      while (scores.length < k) scores.push(shared(Float64Array, 8, n));
      while (ranks.length < k) ranks.push(shared(Int32Array, 4, n));
      c = {
        n,
        scores,
        ranks,
        total: c?.n === n ? c.total : shared(Float64Array, 8, n),
        of: c?.n === n ? c.of : shared(Int32Array, 4, n),
        members: c?.n === n ? c.members : shared(Int32Array, 4, n),
        sizes: shared(Int32Array, 4, count),
        starts: shared(Int32Array, 4, count + 1),
      };
      this.shared = c;
    }
    return c;
  }

  /** Blocks until the worker is done; false when it failed or never loaded. */
  private wait(): boolean {
    const c = this.control;
    const started = performance.now();
    while (Atomics.load(c, STATE) === RUNNING) {
      Atomics.wait(c, STATE, RUNNING, 100);
      const waited = performance.now() - started;
      const loading = !this.loaded && Atomics.load(c, READY) === 0;
      if (waited > (loading ? LOAD_TIMEOUT_MS : RUN_TIMEOUT_MS)) {
        // Never used again: a late answer must not land in a later board's columns.
        this.broken = true;
        this.worker?.terminate();
        return false;
      }
    }
    this.loaded = true;
    const ok = Atomics.load(c, STATE) === DONE;
    Atomics.store(c, STATE, IDLE);
    if (!ok) this.broken = true;
    return ok;
  }
}

let installed: ThreadHelper | undefined;

/**
 * Gives rankRound a helper thread for boards of at least `minUnits` units when this machine has
 * two cores or more; returns whether it did. Again with the same `minUnits`, it keeps the one
 * it gave (and its worker).
 */
export function installRankThreads(minUnits = MIN_UNITS): boolean {
  if (availableParallelism() < 2) return false;
  if (installed?.minUnits !== minUnits) installed = new ThreadHelper(minUnits);
  setRankHelper(installed);
  return true;
}
