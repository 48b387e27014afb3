// The scheduler's own work besides reminders (issue 18): the month-end ledger snapshot and the
// end of notice windows. The scheduler runs each job on one server at a time (app/scheduler.ts);
// each piece of work here is idempotent as well — it re-reads, under the row's lock, whether it
// is still to be done — so a job taken over after a crash, or run by hand, does nothing twice.
import { isLit, type ProjectState } from '../core/ledger.ts';
import { listAppeals } from '../db/appeal.repository.ts';
import { lightsTakenSince, projectStates } from '../db/ledger.repository.ts';
import { findNotice, roundsWithEndedNotice } from '../db/notice.repository.ts';
import { findRound } from '../db/round.repository.ts';
import { type AppContext, inTransaction, systemActor } from './context.ts';
import { snapshotLights } from './ledger-lights.ts';
import type { LedgerSettings } from './policies/ledger.ts';
import { transitionRound } from './rounds.ts';

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The month-end lights (DESIGN §9) of the month that has just ended, taken once: not when a
 * snapshot of that month was taken after it ended (by this job or by the planning office), and
 * not when no project is in the library. A snapshot taken during the month (as of that day) is
 * replaced by the month-end one. Returns the month taken, if any.
 */
export async function monthEndSnapshot(
  ctx: AppContext,
  ledger: LedgerSettings,
): Promise<string | null> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const month = previousMonth(today.slice(0, 7));
  const states = await projectStates(ctx.db);
  if (!states.some((s) => isLit(s as ProjectState))) return null;
  if (await lightsTakenSince(ctx.db, month, `${today.slice(0, 7)}-01`)) return null;
  await snapshotLights({ ...ctx, actor: systemActor, ledger }, { month });
  return month;
}

/**
 * Rounds whose notice (公示) window has ended with no objection are published (DESIGN §2:
 * 公示期满无异议): in notice, the window's end passed, and no appeal filed since the window
 * opened (nor any pending). A round with an appeal waits for its organizer, who answers it and
 * decides whether the changed results go back to review or out. Each round is checked again and
 * published in its own transaction holding the round's row, so a round the organizer moved
 * meanwhile, or another server published, is left alone. Returns the ids published.
 */
export async function publishEndedNotices(ctx: AppContext): Promise<number[]> {
  const now = ctx.clock.now().toISOString();
  const due = await roundsWithEndedNotice(ctx.db, now);
  const published: number[] = [];
  let failure: unknown;
  for (const id of due) {
    try {
      const done = await inTransaction({ ...ctx, actor: systemActor }, async (tx) => {
        const round = await findRound(tx.db, id); // the row is locked from here on
        if (round?.state !== 'notice') return false;
        const notice = await findNotice(tx.db, id);
        if (!notice || Date.parse(notice.endsAt) > tx.clock.now().getTime()) return false;
        const appeals = await listAppeals(tx.db, id);
        if (appeals.some((a) => a.status === 'pending' || a.filedAt >= notice.startedAt)) {
          return false;
        }
        await transitionRound(tx, String(id), 'published');
        return true;
      });
      if (done) published.push(id);
    } catch (error) {
      // One round that cannot be published holds up no other; the first failure is reported.
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return published;
}
