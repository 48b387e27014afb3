/**
 * The round policy (DESIGN §1–2): who may do what inside a contest's rounds — manage, score as the
 * lead office, report for a unit, fill, import, appeal, decide, verify, correct — and the `may`
 * the round's responses carry. The use cases call these; the web reads `may` only.
 */
import { can } from '../../core/permissions.ts';
import { acceptsEntries, hasResults, nextStates, type RoundState } from '../../core/round-state.ts';
import type { Indicator, Rubric } from '../../core/rubric.ts';
import type { Contest } from '../../db/contest.repository.ts';
import { isParticipant, listEvaluators } from '../../db/contest.repository.ts';
import type { Round } from '../../db/round.repository.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from './gate.ts';

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

/** Who enters a cell (DESIGN §1–2): the rule `saveEntries`, sheet imports and evidence share. */
export type EntryMode = 'direct' | 'correction';

/** An indicator a participant's reporter fills itself (not the lead office's score, deduction or veto). */
export function selfReported(indicator: Indicator): boolean {
  return (
    (indicator.kind === 'scored' && indicator.method !== 'manual') || indicator.kind === 'bonus'
  );
}

/**
 * May the actor write this cell? Managers always (a correction is theirs alone); the lead office
 * its indicators' cells but its own unit's (回避); a reporter its own unit's self-reported values
 * while collecting.
 */
export function mayWriteCell(
  access: RoundAccess,
  indicator: Indicator,
  unitId: number,
  mode: EntryMode,
  state: RoundState,
): boolean {
  if (access.manage) return true;
  if (mode === 'correction') return false;
  if (scoresCell(access, indicator.code, unitId)) return true;
  return access.reportsFor === unitId && state === 'collecting' && selfReported(indicator);
}

/** May the actor import a sheet into the round at all (before the file is read)? */
export function mayImportSheet(access: RoundAccess, rubric: Rubric): boolean {
  return (
    access.manage ||
    access.reportsFor !== null ||
    rubric.indicators.some((i) => access.evaluates(i.code))
  );
}

/** Whose entries the actor reads: every unit's, one unit's (a reporter's own), or none. */
export function entriesScope(access: RoundAccess): 'all' | number | null {
  return access.readAll ? 'all' : access.reportsFor;
}

/** May the actor read a round that is not published (its page, entries summary and state)? */
export function mayReadRound(access: RoundAccess): boolean {
  return access.readAll || access.reportsFor !== null;
}

/** May the actor read the round's results before publication (a participant during notice)? */
export function mayReadResults(access: RoundAccess, state: RoundState): boolean {
  return (
    state === 'published' || access.readAll || (state === 'notice' && access.reportsFor !== null)
  );
}

/** May the actor read what one unit entered (its evidence files)? */
export function mayReadUnit(access: RoundAccess, unitId: number): boolean {
  return access.readAll || access.reportsFor === unitId;
}

/** May the actor appeal for this unit (the unit's reporter, or whoever manages the contest)? */
export function mayAppealFor(access: RoundAccess, unitId: number): boolean {
  return access.manage || access.reportsFor === unitId;
}

/** May the actor decide appeals on, or record verifications of, this indicator (recusal apart)? */
export function leadsIndicator(access: RoundAccess, indicator: string): boolean {
  return access.manage || access.evaluates(indicator);
}

/** Round states in which verifications (日常考核, 四不两直) are recorded. */
export function takesVerifications(state: RoundState): boolean {
  return state !== 'draft' && state !== 'published';
}

/** What the reader may do in a round now; the web shows its buttons from this and nothing else. */
export interface RoundAbilities {
  /** Runs the contest: moves the round, sees completeness, fills any cell. */
  manage: boolean;
  /** Indicators the reader's unit leads (牵头责任科室) and scores for every participant. */
  evaluates: string[];
  /** The participant the reader reports for (its code). */
  reportsFor: string | null;
  /** States the reader may move the round to now. */
  transition: RoundState[];
  /** Fills some cells now (the grid's editable cells are in the entries' `editable`). */
  fill: boolean;
  /** Downloads the template and imports a sheet now (when it has cells to fill). */
  importSheet: boolean;
  /** Indicators whose entries the reader may verify now. */
  verify: string[];
  /** Files an appeal now: a reporter for its own unit, a manager for any participant. */
  appeal: boolean;
  /** Indicators whose pending appeals the reader may decide now. */
  decideAppeals: string[];
  /** Corrects the published round. */
  correct: boolean;
  /** Reads the results (draft ones before publication). */
  readResults: boolean;
}

/** The abilities of `access` in `round`, the same rules the use cases enforce. */
export function roundAbilities(
  access: RoundAccess,
  round: Pick<Round, 'state' | 'derivation'>,
  rubric: Rubric,
  reportsForCode: string | null,
): RoundAbilities {
  const state = round.state;
  const open = acceptsEntries(state) && !round.derivation;
  const led = rubric.indicators.filter((i) => leadsIndicator(access, i.code)).map((i) => i.code);
  const reporter = access.reportsFor;
  const fill =
    open &&
    (access.manage ||
      led.length > 0 ||
      (reporter !== null &&
        rubric.indicators.some((i) => mayWriteCell(access, i, reporter, 'direct', state))));
  return {
    manage: access.manage,
    evaluates: rubric.indicators.filter((i) => access.evaluates(i.code)).map((i) => i.code),
    reportsFor: reportsForCode,
    transition: access.manage ? [...nextStates(state)] : [],
    fill,
    importSheet: fill && mayImportSheet(access, rubric),
    verify: takesVerifications(state) ? led : [],
    appeal: state === 'notice' && (access.manage || reporter !== null),
    decideAppeals: state === 'notice' ? led : [],
    correct: access.manage && state === 'published',
    readResults: hasResults(state) && mayReadResults(access, state),
  };
}

/** An anonymous reader's abilities: none. */
export const NO_ROUND_ABILITIES: RoundAbilities = {
  manage: false,
  evaluates: [],
  reportsFor: null,
  transition: [],
  fill: false,
  importSheet: false,
  verify: [],
  appeal: false,
  decideAppeals: [],
  correct: false,
  readResults: false,
};
