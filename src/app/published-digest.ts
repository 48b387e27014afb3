import { publicationDigest } from '../db/digest.repository.ts';
import type { AppContext } from './context.ts';

/**
 * The `digest` field of a publication's audit event: what `leitai audit verify` re-computes to
 * show that the published results and their entries are still those that were published.
 */
export async function digestOf(ctx: AppContext, roundId: number, revision: number) {
  return { digest: await publicationDigest(ctx.db, roundId, revision) };
}
