/**
 * Month-end lights (DESIGN §9): every project in the library gets the light of the §9 rule as of
 * the month's last day, kept as history. Running a month's snapshot again replaces it (one row a
 * project and month). The current lights are refreshed the same way, as of today.
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  computeLight,
  isLit,
  isMonth,
  type LightResult,
  monthEnd,
  type ProjectState,
} from '../core/ledger.ts';
import {
  lightInputs,
  replaceLightSnapshot,
  setLights,
  snapshotCounts,
  tidyProjects,
} from '../db/ledger.repository.ts';
import { audit, inTransaction } from './context.ts';
import { requireUser } from './policies/gate.ts';
import { forbidden, isPlanningOffice, type LedgerContext } from './policies/ledger.ts';

export const SnapshotInput = z.object({
  month: z.string().refine(isMonth, '月份必须是 YYYY-MM'),
});
export type SnapshotInput = z.infer<typeof SnapshotInput>;

/**
 * Every lit project's light as of `asOf`, from one grouped read (`lightInputs`): the rule needs
 * of a project's milestones and problems only the most late one, which SQL picks. `changed` says
 * whether the light stored on the project differs from this one.
 */
export async function lightsAsOf(
  ctx: LedgerContext,
  asOf: string,
): Promise<
  {
    projectId: number;
    result: LightResult;
    ytdPlanned: number;
    ytdCompleted: number;
    changed: boolean;
  }[]
> {
  const out = [];
  for (const p of await lightInputs(ctx.db, asOf)) {
    if (!isLit(p.state as ProjectState)) continue;
    const result = computeLight(
      {
        asOf,
        yearPlanned: p.yearPlanned,
        ytdCompleted: p.ytdCompleted,
        milestones: p.milestoneDue ? [{ planned: p.milestoneDue, actual: null }] : [],
        problems: p.problemDue ? [{ deadline: p.problemDue, closedOn: null }] : [],
      },
      ctx.ledger.thresholds,
    );
    const reasons = result.reasons.length ? JSON.stringify(result.reasons) : null;
    out.push({
      projectId: p.id,
      result,
      ytdPlanned: p.ytdPlanned,
      ytdCompleted: p.ytdCompleted,
      changed: p.light !== result.light || (p.lightReasons || null) !== reasons,
    });
  }
  return out;
}

/** Stores the lights that changed on their projects (the current light); says how many. */
async function storeChanged(
  ctx: LedgerContext,
  lights: Awaited<ReturnType<typeof lightsAsOf>>,
): Promise<number> {
  const changed = lights.filter((l) => l.changed);
  await setLights(
    ctx.db,
    changed.map((l) => ({
      projectId: l.projectId,
      light: l.result.light,
      reasons: l.result.reasons,
    })),
  );
  return changed.length;
}

/** Lights changed on this many projects at once make the projects worth a VACUUM (ANALYZE). */
const TIDY_AFTER = 1000;

/**
 * Takes the month's snapshot (the planning office, or the system at month end). A month
 * not yet over is taken as of today; a month in the future is refused.
 */
export async function snapshotLights(ctx: LedgerContext, input: SnapshotInput) {
  let changed = 0;
  const summary = await inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const actor = requireUser(tx);
    // County-wide: the planning office (or the system at month end), not a town's admin.
    if (actor.kind !== 'system' && !(await isPlanningOffice(tx))) {
      throw forbidden('月末亮灯由项目办办理', 'month');
    }
    const day = tx.clock.now().toISOString().slice(0, 10);
    if (input.month > day.slice(0, 7)) {
      throw new DomainError('VALIDATION', `${input.month}尚未到来`, {
        params: { reason: 'monthNotCome', month: input.month },
        field: 'month',
      });
    }
    const end = monthEnd(input.month);
    const asOf = end.localeCompare(day) < 0 ? end : day;
    const lights = await lightsAsOf(tx, asOf);
    const now = tx.clock.now().toISOString();
    await replaceLightSnapshot(
      tx.db,
      input.month,
      lights.map((l) => ({
        projectId: l.projectId,
        light: l.result.light,
        reasons: l.result.reasons,
        ytdPlanned: l.ytdPlanned,
        ytdCompleted: l.ytdCompleted,
      })),
      now,
    );
    if (input.month === day.slice(0, 7)) {
      changed = await storeChanged(tx, lights);
    }
    const counts = Object.fromEntries(
      (await snapshotCounts(tx.db, input.month)).map((c) => [c.light, Number(c.n)]),
    );
    const summary = {
      month: input.month,
      asOf,
      red: counts.red ?? 0,
      yellow: counts.yellow ?? 0,
      green: counts.green ?? 0,
    };
    await audit(tx, {
      action: 'ledger.snapshot',
      entityType: 'ledger',
      entityId: input.month,
      unitId: null,
      after: summary,
    });
    return summary;
  });
  if (changed >= TIDY_AFTER) await tidyProjects(ctx.db);
  return summary;
}

/** Refreshes every current light as of today (after time alone made something late). */
export async function refreshAllLights(ctx: LedgerContext) {
  let changed = 0;
  const count = await inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const lights = await lightsAsOf(tx, tx.clock.now().toISOString().slice(0, 10));
    changed = await storeChanged(tx, lights);
    return lights.length;
  });
  if (changed >= TIDY_AFTER) await tidyProjects(ctx.db);
  return count;
}
