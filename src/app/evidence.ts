import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { listParticipants } from '../db/contest.repository.ts';
import {
  findEntryFor,
  findEvidence,
  insertEvidence,
  insertVerification,
} from '../db/entry.repository.ts';
import type { Round } from '../db/round.repository.ts';
import { EVIDENCE_MAX_BYTES, type FileStore, sniffType, storeFile } from '../io/file-store.ts';
import { rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { checkItems, roundClosed, writeEntries } from './entries.ts';
import { isId, Ref } from './ids.ts';
import { leadsIndicator, mayReadUnit, roundAccess, takesVerifications } from './policies/round.ts';
import { requireRound } from './rounds.ts';

export const Verify = z.object({
  unit: Ref,
  indicator: z.string().min(1).max(32),
  /** 日常考核 (daily) or 四不两直 unannounced field check (field_check). */
  kind: z.enum(['daily', 'field_check']),
  date: z.iso.date(),
  finding: z.string().trim().min(1).max(5000),
});
export type Verify = z.infer<typeof Verify>;

async function entryOf(ctx: AppContext, round: Round, unitRef: string | number, indicator: string) {
  const unit = (await listParticipants(ctx.db, round.contestId)).find(
    (p) => p.code === String(unitRef) || p.unitId === Number(unitRef),
  );
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `「${unitRef}」不是本擂台赛的参赛单位`, {
      params: { reason: 'notParticipant', unit: unitRef },
      field: 'unit',
    });
  return { unit, entry: await findEntryFor(ctx.db, round.id, unit.unitId, indicator) };
}

/** The lead office records how it verified an entry: 日常考核 or a 四不两直 field check. */
export function recordVerification(ctx: AppContext, roundId: string, input: Verify) {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, roundId);
    const contest = await requireContest(tx.db, round.contestId);
    const access = await roundAccess(tx, contest);
    if (!leadsIndicator(access, input.indicator)) {
      throw new DomainError('FORBIDDEN', '只有该指标的牵头科室可以记录核查', {
        params: { reason: 'leadOfficeVerifies' },
      });
    }
    if (!takesVerifications(round.state)) {
      throw new DomainError('ROUND_CLOSED', '此期不在填报、审核或公示中', {
        params: { reason: 'notVerifiable' },
        state: round.state,
      });
    }
    const { unit, entry } = await entryOf(tx, round, input.unit, input.indicator);
    if (access.recused(unit.unitId)) {
      throw new DomainError('FORBIDDEN', '回避：不能核查本单位的填报，此项由组织单位核查', {
        params: { reason: 'recusal' },
        field: 'unit',
      });
    }
    if (!entry)
      throw new DomainError('NOT_FOUND', '此项尚未填报，无可核查', {
        params: { reason: 'nothingToVerify' },
        field: 'indicator',
      });
    const row = await insertVerification(
      tx.db,
      {
        entryId: entry.id,
        kind: input.kind,
        checkedOn: input.date,
        finding: input.finding,
        userId: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'entry.verify',
      entityType: 'entry',
      entityId: entry.id,
      unitId: unit.unitId,
      after: input,
    });
    return {
      id: row.id,
      entryId: entry.id,
      kind: row.kind,
      checkedOn: row.checked_on,
      finding: row.finding,
    };
  });
}

/**
 * Attaches an evidence file to an entry, by whoever may enter it; the type is recognised from
 * the bytes. An entry not yet filled is created empty, so the file can come first.
 */
export function attachEvidence(
  ctx: AppContext & {
    dataDir: string;
    files?: FileStore | undefined;
    fileKey?: string | undefined;
  },
  roundId: string,
  target: { unit: string; indicator: string },
  file: { filename: string; bytes: Uint8Array },
) {
  const contentType = sniffType(file.bytes, file.filename);
  if (file.bytes.length > EVIDENCE_MAX_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `佐证材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
      { params: { reason: 'fileLimit', limit: EVIDENCE_MAX_BYTES / 1024 / 1024, unit: 'MB' } },
    );
  }
  if (!contentType) {
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `不支持的文件类型「${file.filename}」：只收图片（PNG/JPEG/GIF/WebP）、PDF 和 Office 文件`,
      { params: { reason: 'evidenceKind', file: file.filename } },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, roundId);
    // Evidence belongs to the entries being collected, reviewed or under notice; a published
    // round changes only through a correction (and a draft takes nothing yet).
    if (round.state === 'published' || round.state === 'draft') throw roundClosed(round);
    const contest = await requireContest(tx.db, round.contestId);
    const access = await roundAccess(tx, contest);
    const rubric = await rubricOfRound(tx.db, round);
    let { unit, entry } = await entryOf(tx, round, target.unit, target.indicator);
    if (!entry) {
      // Same permission check as saving the cell; nothing is entered but an empty value.
      const checked = await checkItems(
        tx.db,
        round,
        rubric,
        access,
        [{ unit: unit.code, indicator: target.indicator, value: null }],
        'direct',
      );
      await writeEntries(tx, round, checked);
      entry = (await findEntryFor(tx.db, round.id, unit.unitId, target.indicator))!;
    } else {
      await checkItems(
        tx.db,
        round,
        rubric,
        access,
        [
          {
            unit: unit.code,
            indicator: target.indicator,
            value: entry.value,
            version: entry.version,
          },
        ],
        'direct',
      );
    }
    const sha256 = await storeFile(ctx.files ?? ctx.dataDir, 'evidence', file.bytes, ctx.fileKey);
    const row = await insertEvidence(
      tx.db,
      {
        entryId: entry.id,
        filename: file.filename.slice(0, 200),
        contentType,
        size: file.bytes.length,
        sha256,
        uploadedBy: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'evidence.attach',
      entityType: 'entry',
      entityId: entry.id,
      unitId: unit.unitId,
      after: { file: row.id, filename: row.filename, sha256, size: row.size },
    });
    return { id: row.id, entryId: entry.id, filename: row.filename, contentType, size: row.size };
  });
}

/** An evidence file, for those who may read the entry (never the public). */
export async function readEvidence(ctx: AppContext, id: string) {
  const file = isId(id) ? await findEvidence(ctx.db, Number(id)) : undefined;
  if (!file)
    throw new DomainError('NOT_FOUND', `文件不存在：${id}`, { params: { reason: 'file', id } });
  const round = await requireRound(ctx.db, file.round_id);
  const access = await roundAccess(ctx, await requireContest(ctx.db, round.contestId));
  if (!mayReadUnit(access, file.unit_id)) {
    throw new DomainError(
      ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      '没有权限查看此文件',
    );
  }
  return {
    sha256: file.sha256,
    filename: file.filename,
    contentType: file.content_type,
    size: file.size,
  };
}
