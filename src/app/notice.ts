// The notice (公示) window of a round (DESIGN §2): set on entering notice, appeals only inside
// it, and publishing before it ends only with a reason that is recorded and audited.
import type { Kysely } from 'kysely';
import { DomainError } from '../core/errors.ts';
import { findContest } from '../db/contest.repository.ts';
import {
  clearNotice,
  findNotice,
  type Notice,
  recordEarlyPublication,
  startNotice,
} from '../db/notice.repository.ts';
import type { Round } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import type { AppContext } from './context.ts';

const DAY = 24 * 60 * 60 * 1000;

export type { Notice };

/** Entering notice opens the window for the contest's notice days; leaving it back clears it. */
export async function noticeOnTransition(
  ctx: AppContext,
  round: Round,
  to: Round['state'],
  earlyReason: string | undefined,
): Promise<{ earlyReason?: string; noticeEndsAt?: string }> {
  const now = ctx.clock.now();
  if (to === 'notice') {
    const contest = await findContest(ctx.db, round.contestId);
    const endsAt = new Date(now.getTime() + (contest?.noticeDays ?? 3) * DAY).toISOString();
    await startNotice(ctx.db, round.id, now.toISOString(), endsAt);
    return { noticeEndsAt: endsAt };
  }
  if (round.state === 'notice' && to === 'reviewing') {
    await clearNotice(ctx.db, round.id);
    return {};
  }
  if (to === 'published') {
    const notice = await findNotice(ctx.db, round.id);
    // The system actor (CLI, the demo building past months) is not held to the window.
    const early = notice && now.getTime() < Date.parse(notice.endsAt);
    if (early && ctx.actor.kind !== 'system') {
      const reason = earlyReason?.trim() ?? '';
      if (reason.length < 2) {
        throw new DomainError(
          'NOTICE_NOT_ENDED',
          `公示期至 ${localTime(notice.endsAt)} 结束，提前发布须写明理由`,
          { params: { endsAt: notice.endsAt }, field: 'reason', noticeEndsAt: notice.endsAt },
        );
      }
      await recordEarlyPublication(ctx.db, round.id, reason, ctx.actor.userId);
      return { earlyReason: reason };
    }
  }
  return {};
}

/** Appeals are accepted only inside the window (a round in notice without one has no end). */
export async function requireNoticeOpen(ctx: AppContext, round: Round): Promise<void> {
  const notice = await findNotice(ctx.db, round.id);
  if (notice && ctx.clock.now().getTime() >= Date.parse(notice.endsAt)) {
    throw new DomainError(
      'NOTICE_ENDED',
      `公示期已于 ${localTime(notice.endsAt)} 结束，不再受理申诉`,
      { params: { endsAt: notice.endsAt }, noticeEndsAt: notice.endsAt },
    );
  }
}

export function getNotice(db: Kysely<Database>, roundId: number) {
  return findNotice(db, roundId);
}

/** Beijing time, the way the notice is announced: 2026-11-05 17:30. */
export function localTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
