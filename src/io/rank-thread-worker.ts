// The helper thread of ./rank-threads.ts: scores and ranks the scored indicators it is handed,
// in place in shared columns, with the same function rankRound uses on its own thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { Grouping } from '../core/rank.ts';
import { RankScratch } from '../core/rank.ts';
import { scoreAndRankScored } from '../core/score.ts';
import { DONE, FAILED, READY, STATE, type WorkerJob } from './rank-threads.ts';

const control = (workerData as { control: Int32Array }).control;

parentPort!.on('message', (job: WorkerJob) => {
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
    job.indicators.forEach((indicator, k) => {
      const scores = job.scores[k]!;
      const out = { scores, ranks: job.ranks[k]!, total: job.total };
      scoreAndRankScored(indicator, scores, grouping, job.precision, job.mode, out, scratch);
    });
  } catch {
    state = FAILED;
  }
  Atomics.store(control, STATE, state);
  Atomics.notify(control, STATE);
});
Atomics.store(control, READY, 1);
