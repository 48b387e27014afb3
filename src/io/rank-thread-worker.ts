// The helper thread of ./rank-threads.ts: takes the offered scored indicators one by one from the
// first on, as long as rankRound's thread (taking them from the last back) has not, and scores
// and ranks each in place in the shared columns, with the same function rankRound uses.
import { parentPort } from 'node:worker_threads';
import type { Grouping } from '../core/rank.ts';
import { RankScratch } from '../core/rank.ts';
import { scoreAndRankScored } from '../core/score.ts';
import {
  CLAIMS,
  COPIED,
  DONE,
  FAILED,
  FREE,
  STATE,
  THEIRS,
  type WorkerJob,
} from './rank-threads.ts';

parentPort!.on('message', (job: WorkerJob) => {
  const sync = job.sync;
  let state = DONE;
  try {
    const grouping: Grouping = {
      of: job.of,
      count: job.count,
      names: [],
      sizes: job.sizes,
      starts: job.starts,
      members: job.members,
    };
    const n = job.of.length;
    const scratch = RankScratch.of(n);
    for (let k = 0; k < job.indicators.length; k++) {
      // Its values are being copied in; then it is taken unless the other thread has it (and
      // with it every later one).
      for (
        let copied = Atomics.load(sync, COPIED);
        copied <= k;
        copied = Atomics.load(sync, COPIED)
      )
        Atomics.wait(sync, COPIED, copied);
      if (Atomics.compareExchange(sync, CLAIMS + k, FREE, THEIRS) !== FREE) break;
      const scores = job.scores[k]!;
      const out = { scores, ranks: job.ranks[k]!, total: job.total };
      scoreAndRankScored(
        job.indicators[k]!,
        scores,
        grouping,
        job.precision,
        job.mode,
        out,
        scratch,
      );
    }
  } catch {
    state = FAILED;
  }
  Atomics.store(sync, STATE, state);
  Atomics.notify(sync, STATE);
});
