import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { periodYear } from '../core/period.ts';
import { listResults, replaceFlags } from '../db/result.repository.ts';
import { insertRevision, updateRound } from '../db/round.repository.ts';
import { computeRound, rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { checkItems, EntryItem, writeEntries } from './entries.ts';
import { applyFeeds } from './linkage.ts';
import { requireContestManager } from './policies/contest.ts';
import { roundAccess } from './policies/round.ts';
import { digestOf } from './published-digest.ts';
import { openRectifications } from './rectifications.ts';
import { recordFeeds, requireRound } from './rounds.ts';

export const Correction = z.object({
  reason: z.string().trim().min(2, '请写明更正理由').max(5000),
  entries: z.array(EntryItem).min(1).max(100_000),
});
export type Correction = z.infer<typeof Correction>;

export interface UnitChange {
  code: string;
  name: string;
  before: { total: number; rank: number; flag: string | null };
  after: { total: number; rank: number; flag: string | null };
}

/**
 * Corrects a published round: a new revision with a reason, recomputed and re-published at
 * once, flags re-awarded, and what changed for each unit recorded. Earlier revisions stay readable.
 */
export function correctRound(ctx: AppContext, roundId: string, input: Correction) {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, roundId);
    const contest = await requireContest(tx.db, round.contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    if (round.state !== 'published') {
      throw new DomainError('ROUND_NOT_PUBLISHED', '只有已发布的期次需要更正；未发布的直接修改', {
        params: { reason: 'correction' },
        state: round.state,
      });
    }
    const rubric = await rubricOfRound(tx.db, round);
    const checked = await checkItems(
      tx.db,
      round,
      rubric,
      await roundAccess(tx, contest),
      input.entries,
      'correction',
    );
    await writeEntries(tx, round, checked);
    const revision = round.revision + 1;
    const now = tx.clock.now().toISOString();
    const before = new Map(
      (await listResults(tx.db, round.id, round.revision)).map((r) => [r.unitId, r]),
    );
    const computed = await computeRound(tx.db, round, revision);
    const after = await listResults(tx.db, round.id, revision);
    const changes: UnitChange[] = [];
    for (const a of after) {
      const b = before.get(a.unitId);
      if (b && (b.total !== a.total || b.rank !== a.rank || b.flag !== a.flag)) {
        changes.push({
          code: a.code,
          name: a.name,
          before: { total: b.total, rank: b.rank, flag: b.flag },
          after: { total: a.total, rank: a.rank, flag: a.flag },
        });
      }
    }
    await replaceFlags(
      tx.db,
      {
        id: round.id,
        contestId: round.contestId,
        period: round.period,
        year: periodYear(round.period),
      },
      computed.stored
        .filter((r) => r.flag)
        .map((r) => ({ unitId: r.unitId, color: r.flag as 'red' | 'yellow' })),
      now,
    );
    await insertRevision(
      tx.db,
      { roundId: round.id, revision, reason: input.reason, changes, createdBy: tx.actor.userId },
      now,
    );
    const updated = await updateRound(tx.db, round.id, { revision, publishedAt: now }, now);
    // A yellow the correction brings opens its rectification too (DESIGN §8).
    await openRectifications(tx, updated, computed.stored);
    await recordFeeds(tx, await applyFeeds(tx.db, updated, tx.actor.userId, now));
    await audit(tx, {
      action: 'round.correct',
      entityType: 'round',
      entityId: round.id,
      unitId: contest.organizerUnitId,
      before: { revision: round.revision },
      after: {
        revision,
        reason: input.reason,
        entries: checked.writes,
        changes,
        ...(await digestOf(tx, round.id, revision)),
      },
    });
    return { revision, reason: input.reason, changes };
  });
}
