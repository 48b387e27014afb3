import { can } from '../core/permissions.ts';
import type { Contest } from '../db/contest.repository.ts';
import { isParticipant, listEvaluators } from '../db/contest.repository.ts';
import { pathsOf } from '../db/unit.repository.ts';
import { requireUser } from './authorize.ts';
import type { AppContext } from './context.ts';

/** What the actor may do in a contest's rounds (DESIGN §1), decided once per request. */
export interface RoundAccess {
  /** Organizers and admins of the organizer's subtree: everything, any unit, any indicator. */
  manage: boolean;
  /** May read every unit's entries, and results before they are published. */
  readAll: boolean;
  /** True for indicators the actor's unit leads (牵头责任科室): it scores them for every participant. */
  evaluates(indicator: string): boolean;
  /** The actor's own unit when it takes part and the actor is its reporter (填报员). */
  reportsFor: number | null;
  /** The unit that leads an indicator: its named lead office, or else the organizer. */
  leadOf(indicator: string): number;
  /**
   * 回避 (DESIGN §2): true when the actor may not score, verify or decide appeals on this unit's
   * cells because it is the actor's own unit; such cells fall to the organizer.
   */
  recused(unitId: number): boolean;
}

/** Whether the actor scores this cell as its lead office (never its own unit's: 回避). */
export function scoresCell(access: RoundAccess, indicator: string, unitId: number): boolean {
  return access.manage || (access.evaluates(indicator) && !access.recused(unitId));
}

export async function roundAccess(ctx: AppContext, contest: Contest): Promise<RoundAccess> {
  const leads = new Map(
    (await listEvaluators(ctx.db, contest.id)).map((e) => [e.indicator_code, e.id]),
  );
  const leadOf = (indicator: string) => leads.get(indicator) ?? contest.organizerUnitId;
  const { actor } = ctx;
  if (actor.kind === 'system') {
    return {
      manage: true,
      readAll: true,
      evaluates: () => true,
      reportsFor: null,
      leadOf,
      recused: () => false,
    };
  }
  // Everything behind this gate is for signed-in users: anonymous readers get 401, not 403.
  requireUser(ctx);
  const unitId = actor.unitId!;
  const path =
    (await pathsOf(ctx.db, [contest.organizerUnitId])).get(contest.organizerUnitId) ?? [];
  const principal = { userId: actor.userId!, unitId, roles: actor.roles };
  const scope = { unitPath: path.map((u) => u.id) };
  const manage = can(principal, 'contest.manage', scope);
  const isEvaluator = actor.roles.includes('evaluator');
  const evaluates = (indicator: string) => isEvaluator && leadOf(indicator) === unitId;
  const leadsAny =
    isEvaluator && (unitId === contest.organizerUnitId || [...leads.values()].includes(unitId));
  const reportsFor =
    actor.roles.includes('reporter') && (await isParticipant(ctx.db, contest.id, unitId))
      ? unitId
      : null;
  return {
    manage,
    readAll: manage || can(principal, 'contest.read', scope) || leadsAny,
    evaluates,
    reportsFor,
    leadOf,
    recused: (id) => !manage && id === unitId,
  };
}
