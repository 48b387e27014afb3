import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { findContest, isParticipant } from '../db/contest.repository.ts';
import {
  findPractice,
  insertPractice,
  insertPublicImage,
  listPractices,
  type Practice,
  updatePractice,
} from '../db/practice.repository.ts';
import { findRound } from '../db/round.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { type FileStore, sniffType, storeFile } from '../io/file-store.ts';
import { sanitizePracticeHtml } from '../io/sanitize-html.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, IdNumber, IdQuery, isId, Ref } from './ids.ts';
import { mayUploadPracticeImage, requirePracticeManager } from './policies/practice.ts';

export const PracticeInput = z.object({
  contest: IdNumber,
  round: IdNumber.nullable().optional(),
  unit: Ref,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(1000).optional(),
  /** Rich text; sanitised on the server whatever it holds. */
  bodyHtml: z.string().max(500_000),
});
export type PracticeInput = z.infer<typeof PracticeInput>;

export const PracticeChanges = PracticeInput.omit({ contest: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少需要修改一项');
export type PracticeChanges = z.infer<typeof PracticeChanges>;

export const PracticeQuery = z.object({
  contest: IdQuery.optional(),
  round: IdQuery.optional(),
  unit: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: CountQuery.default(0),
});
export type PracticeQuery = z.infer<typeof PracticeQuery>;

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

async function checkTarget(
  ctx: AppContext,
  contestId: number,
  unitRef: string | number,
  roundId: number | null | undefined,
) {
  const unit = await findUnit(ctx.db, unitRef);
  if (!unit || !(await isParticipant(ctx.db, contestId, unit.id))) {
    throw new DomainError('UNKNOWN_UNIT', `「${unitRef}」不是本擂台赛的参赛单位`, {
      params: { reason: 'notParticipant', unit: unitRef },
      field: 'unit',
    });
  }
  if (roundId) {
    const round = await findRound(ctx.db, roundId);
    if (!round || round.contestId !== contestId) {
      throw new DomainError('ROUND_NOT_FOUND', `本擂台赛没有这一期：${roundId}`, {
        params: { id: roundId },
        field: 'round',
      });
    }
  }
  return unit;
}

/** An organizer writes up a leading unit's practice (经验做法), tied to a round; a draft until published. */
export function createPractice(ctx: AppContext, input: PracticeInput): Promise<Practice> {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, input.contest);
    await requirePracticeManager(tx, contest);
    const unit = await checkTarget(tx, contest.id, input.unit, input.round);
    const practice = await insertPractice(
      tx.db,
      {
        contestId: contest.id,
        roundId: input.round ?? null,
        unitId: unit.id,
        title: input.title,
        summary: input.summary ?? null,
        bodyHtml: sanitizePracticeHtml(input.bodyHtml),
        createdBy: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'practice.create',
      entityType: 'practice',
      entityId: practice.id,
      unitId: unit.id,
      after: practice,
    });
    return practice;
  });
}

async function managed(ctx: AppContext, id: string): Promise<Practice> {
  const practice = isId(id) ? await findPractice(ctx.db, Number(id)) : undefined;
  if (!practice)
    throw new DomainError('NOT_FOUND', `经验做法不存在：${id}`, {
      params: { reason: 'practice', id },
    });
  await requirePracticeManager(ctx, (await findContest(ctx.db, practice.contestId))!);
  return practice;
}

export function changePractice(
  ctx: AppContext,
  id: string,
  input: PracticeChanges,
): Promise<Practice> {
  return inTransaction(ctx, async (tx) => {
    const before = await managed(tx, id);
    const unit =
      input.unit !== undefined || input.round !== undefined
        ? await checkTarget(
            tx,
            before.contestId,
            input.unit ?? before.unitId,
            input.round ?? before.roundId,
          )
        : undefined;
    const after = await updatePractice(
      tx.db,
      before.id,
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.bodyHtml !== undefined ? { bodyHtml: sanitizePracticeHtml(input.bodyHtml) } : {}),
        ...(input.round !== undefined ? { roundId: input.round } : {}),
        ...(unit ? { unitId: unit.id } : {}),
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'practice.update',
      entityType: 'practice',
      entityId: before.id,
      unitId: after.unitId,
      before,
      after,
    });
    return after;
  });
}

/** Publishes (shows publicly) or withdraws a practice. */
export function setPracticePublished(
  ctx: AppContext,
  id: string,
  published: boolean,
): Promise<Practice> {
  return inTransaction(ctx, async (tx) => {
    const before = await managed(tx, id);
    const now = tx.clock.now().toISOString();
    const after = await updatePractice(
      tx.db,
      before.id,
      published ? { status: 'published', publishedAt: now } : { status: 'draft' },
      now,
    );
    await audit(tx, {
      action: published ? 'practice.publish' : 'practice.withdraw',
      entityType: 'practice',
      entityId: before.id,
      unitId: after.unitId,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

/** Practices of a contest for its organizers, drafts included. */
export async function listManagedPractices(ctx: AppContext, query: PracticeQuery) {
  if (query.contest === undefined)
    throw new DomainError('VALIDATION', '请指定擂台赛', {
      params: { reason: 'contestRequired' },
      field: 'contest',
    });
  const contest = await requireContest(ctx.db, query.contest);
  await requirePracticeManager(ctx, contest);
  const unit = query.unit ? await findUnit(ctx.db, query.unit) : undefined;
  const found = await listPractices(ctx.db, {
    contestId: contest.id,
    roundId: query.round,
    unitId: unit?.id,
    publishedOnly: false,
    limit: query.limit,
    offset: query.offset,
  });
  const units = new Map<number, { code: string; name: string }>();
  for (const p of found.items) {
    if (!units.has(p.unitId)) {
      const u = (await findUnit(ctx.db, p.unitId))!;
      units.set(p.unitId, { code: u.code, name: u.name });
    }
  }
  return {
    items: found.items.map((p) => ({ ...p, unit: units.get(p.unitId)! })),
    total: found.total,
  };
}

/** Stores an image for a practice's text; it is public once uploaded (used in published write-ups). */
export async function uploadPracticeImage(
  ctx: AppContext & {
    dataDir: string;
    files?: FileStore | undefined;
    fileKey?: string | undefined;
  },
  file: { filename: string; bytes: Uint8Array },
) {
  const actor = ctx.actor;
  if (!mayUploadPracticeImage(actor)) {
    throw new DomainError(
      actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      '只有组织单位可以上传经验做法图片',
    );
  }
  const type = sniffType(file.bytes, file.filename);
  if (!type?.startsWith('image/')) {
    throw new DomainError('UNSUPPORTED_FILE', '只能上传 PNG、JPEG、GIF 或 WebP 图片', {
      params: { reason: 'imagesOnly' },
    });
  }
  if (file.bytes.length > IMAGE_MAX_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `图片不能超过 ${IMAGE_MAX_BYTES / 1024 / 1024} MB`, {
      params: { reason: 'fileLimit', limit: IMAGE_MAX_BYTES / 1024 / 1024, unit: 'MB' },
    });
  }
  const sha256 = await storeFile(ctx.files ?? ctx.dataDir, 'public', file.bytes, ctx.fileKey);
  const row = await insertPublicImage(
    ctx.db,
    { sha256, contentType: type, size: file.bytes.length, uploadedBy: actor.userId },
    ctx.clock.now().toISOString(),
  );
  return { id: row.id, url: `/api/v1/public/images/${row.id}`, contentType: type, size: row.size };
}
