/**
 * The rectification policy (整改, DESIGN §4): who reads a yellow flag's rectification (those who
 * read the contest — its organizer's subtree and leaders — and the flagged unit's reporter), who
 * answers it (the unit's reporter while it takes part, or whoever runs the contest), who signs it
 * off, returns it and records the interview (whoever runs the contest) — and the `may` each
 * rectification carries.
 */
import { can, type Principal } from '../../core/permissions.ts';
import { type Contest, findContest, isParticipant } from '../../db/contest.repository.ts';
import type { Rectification } from '../../db/rectification.repository.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import type { AppContext } from '../context.ts';
import { requireContestManager } from './contest.ts';
import { requireUser } from './gate.ts';

export interface RectificationAccess {
  read: boolean;
  /** Answers for the flagged unit: its reporter, while the unit takes part in the contest. */
  answer: boolean;
  /** Runs the contest: opens, signs off, returns, records interviews; answers on a unit's behalf. */
  manage: boolean;
}

const ALL: RectificationAccess = { read: true, answer: true, manage: true };

/** The actor's access to each row (by its id); 401 for anonymous readers. */
export async function rectificationAccess(
  ctx: AppContext,
  rows: readonly Pick<Rectification, 'id' | 'contestId' | 'unitId'>[],
): Promise<Map<number, RectificationAccess>> {
  const actor = requireUser(ctx);
  const out = new Map<number, RectificationAccess>();
  if (actor.kind === 'system') {
    for (const r of rows) out.set(r.id, ALL);
    return out;
  }
  const principal: Principal = { userId: actor.userId!, unitId: actor.unitId!, roles: actor.roles };
  const organizers = new Map<number, number>();
  for (const r of rows) {
    if (!organizers.has(r.contestId)) {
      organizers.set(r.contestId, (await findContest(ctx.db, r.contestId))!.organizerUnitId);
    }
  }
  const paths = await pathsOf(ctx.db, [...new Set(organizers.values())]);
  const reporter = actor.roles.includes('reporter');
  const takesPart = new Map<number, boolean>();
  for (const r of rows) {
    const scope = { unitPath: (paths.get(organizers.get(r.contestId)!) ?? []).map((u) => u.id) };
    const manage = can(principal, 'contest.manage', scope);
    const own = reporter && r.unitId === actor.unitId;
    if (own && !takesPart.has(r.contestId)) {
      takesPart.set(r.contestId, await isParticipant(ctx.db, r.contestId, r.unitId));
    }
    out.set(r.id, {
      read: own || can(principal, 'contest.read', scope),
      answer: own && takesPart.get(r.contestId) === true,
      manage,
    });
  }
  return out;
}

/** Refuses (403) unless the actor may submit the rectification's commitment and measures. */
export async function requireRectificationAnswerer(
  ctx: AppContext,
  contest: Contest,
  rect: Pick<Rectification, 'id' | 'contestId' | 'unitId'>,
): Promise<void> {
  const access = (await rectificationAccess(ctx, [rect])).get(rect.id)!;
  if (!access.answer) await requireContestManager(ctx, contest.organizerUnitId);
}

/** Refuses (403) unless the actor runs the rectification's contest (sign-off, return, interview). */
export function requireRectificationManager(ctx: AppContext, contest: Contest): Promise<void> {
  return requireContestManager(ctx, contest.organizerUnitId);
}

/** What the reader may do with a rectification now; the web shows its buttons from this. */
export interface RectificationAbilities {
  /** Submits the commitment and measures (while open). */
  submit: boolean;
  /** Signs it off (销号) or returns it, while submitted (an interview due is recorded first). */
  decide: boolean;
  /** Records the interview (约谈) that a second yellow flag in a row requires. */
  interview: boolean;
}

export function rectificationAbilities(
  access: RectificationAccess,
  rect: Pick<Rectification, 'state' | 'interviewRequired' | 'interviewOn'>,
): RectificationAbilities {
  return {
    submit: rect.state === 'open' && (access.answer || access.manage),
    decide: access.manage && rect.state === 'submitted',
    interview:
      access.manage && rect.interviewRequired && !rect.interviewOn && rect.state !== 'signed_off',
  };
}
