// The helper thread of rankRound for large boards (issue 17): Node only, installed by the
// process (the CLI, the bench); the web's previews import rank-round.ts without it. One worker,
// started on the first large board and kept (unref'd, so it never holds the process open).
// rankRound is synchronous: the values go in, and the scores, ranks and totals come back,
// through shared columns kept from board to board; both threads take the offered indicators
// through a shared claim word each (the helper from the first on, rankRound from the last back),
// and this thread blocks in Atomics.wait only when the helper still has one to finish.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HelperJob, HelperRun, RankHelper } from '../core/rank-round.ts';
import { setRankHelper } from '../core/rank-round.ts';

/**
 * Words of a board's shared Int32Array: the helper's state, how many offered columns have been
 * copied in, then one claim word per offered indicator.
 */
export const STATE = 0;
export const COPIED = 1;
export const CLAIMS = 2;
export const RUNNING = 1;
export const DONE = 2;
export const FAILED = 3;
/** A claim word: nobody's yet, rankRound's thread, the helper's. */
export const FREE = 0;
export const MINE = 1;
export const THEIRS = 2;

/** Below this many units a board is done in one thread: the hand-off costs a few ms. */
export const MIN_UNITS = 100_000;
/**
 * How long to wait for a worker that has not finished the indicators it took (a national
 * board's take it well under a second) before doing them here. A worker still loading takes
 * none: this thread does them all and does not wait.
 */
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
  /** The board's words: STATE, COPIED, CLAIMS.. (a fresh array per board). */
  sync: Int32Array;
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
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./rank-thread-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = new URL('./rank-thread-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(code, { eval: true });
}

class ThreadHelper implements RankHelper {
  private worker: Worker | undefined;
  private broken = false;
  private shared: SharedColumns | undefined;
  constructor(readonly minUnits: number) {}

  /** Starts the worker unless it runs; false when there is none to be had. */
  private launch(): boolean {
    if (this.broken) return false;
    if (this.worker) return true;
    try {
      this.worker = startWorker();
    } catch {
      // No worker here (e.g. source run without tsx): one thread it is.
      this.broken = true;
      return false;
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
    return true;
  }

  start(job: HelperJob): HelperRun | undefined {
    if (!this.launch()) return undefined;
    const worker = this.worker!;
    const n = job.grouping.of.length;
    const k = job.values.length;
    const columns = this.columns(n, k, job.grouping.count);
    const scores = columns.scores.slice(0, k);
    const ranks = columns.ranks.slice(0, k);
    columns.total.fill(0);
    const g = job.grouping;
    const { of, sizes, starts, members } = columns;
    of.set(g.of);
    sizes.set(g.sizes);
    starts.set(g.starts);
    members.set(g.members);
    // A board's own words: a helper still busy with an earlier board (whose indicators this
    // thread all took) claims nothing of this one.
    const sync = new Int32Array(new SharedArrayBuffer((CLAIMS + k) * 4));
    sync[STATE] = RUNNING;
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
      sync,
    };
    worker.postMessage(message);
    // The values go in one by one: the helper starts on the first as soon as it is there.
    job.values.forEach((v, c) => {
      scores[c]!.set(v);
      Atomics.store(sync, COPIED, c + 1);
      Atomics.notify(sync, COPIED);
    });
    return {
      scores,
      ranks,
      total: columns.total,
      claim: (c) => Atomics.compareExchange(sync, CLAIMS + c, FREE, MINE) === FREE,
      wait: () => this.wait(sync, k),
    };
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

  /**
   * Blocks until the worker has done the indicators it took: at once when it took none (this
   * thread took them all). False when it failed or is gone.
   */
  private wait(sync: Int32Array, k: number): boolean {
    if (k === 0 || Atomics.load(sync, CLAIMS) === MINE) return true;
    const started = performance.now();
    while (Atomics.load(sync, STATE) === RUNNING) {
      Atomics.wait(sync, STATE, RUNNING, 100);
      if (this.broken && Atomics.load(sync, STATE) === RUNNING) return false;
      if (performance.now() - started > RUN_TIMEOUT_MS) {
        // Never used again: a late answer must not land in a later board's columns.
        this.broken = true;
        this.worker?.terminate();
        return false;
      }
    }
    const ok = Atomics.load(sync, STATE) === DONE;
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
