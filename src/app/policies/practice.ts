/**
 * The practice policy (经验做法, DESIGN §6): a contest's practices are written, published and
 * listed (drafts included) by those who run the contest; their images are uploaded by organizers
 * and admins before the practice they illustrate exists. The public reads published ones only.
 */
import type { Contest } from '../../db/contest.repository.ts';
import type { AppContext } from '../context.ts';
import { requireContestManager } from './contest.ts';

/** Refuses (403) unless the actor runs the practice's contest. */
export function requirePracticeManager(ctx: AppContext, contest: Contest): Promise<void> {
  return requireContestManager(ctx, contest.organizerUnitId);
}

/** May the actor upload a practice image (an organizer or admin anywhere; the system actor)? */
export function mayUploadPracticeImage(actor: AppContext['actor']): boolean {
  return actor.kind === 'system' || actor.roles.some((r) => r === 'admin' || r === 'organizer');
}
