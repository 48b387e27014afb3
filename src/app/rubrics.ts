import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { formatRubricProblem, parseRubric, type Rubric, validateRubric } from '../core/rubric.ts';
import {
  insertRubricVersion,
  listEvaluators,
  listRubricVersions,
  publishRubricVersion,
  type RubricVersion,
  replaceDraftRubric,
} from '../db/contest.repository.ts';
import type { Database } from '../db/schema.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { requireContestManager, requireContestReader } from './policies/contest.ts';

export const SubmitRubric = z
  .object({
    /** The rubric of DESIGN §3 as an object… */
    rubric: z.record(z.string(), z.unknown()).optional(),
    /** …or as YAML (or JSON) text, whose problems are reported by line. */
    yaml: z.string().min(1).max(200_000).optional(),
  })
  .refine((v) => (v.rubric === undefined) !== (v.yaml === undefined), {
    message: '请提供 rubric 或 yaml 之一',
  });
export type SubmitRubric = z.infer<typeof SubmitRubric>;

export interface RubricVersionView {
  contestId: number;
  version: number;
  status: 'draft' | 'published';
  rubric: Rubric;
  source: string;
  createdAt: string;
  publishedAt: string | null;
}

function view(v: RubricVersion): RubricVersionView {
  return {
    contestId: v.contestId,
    version: v.version,
    status: v.status,
    rubric: v.rubric,
    source: v.source,
    createdAt: v.createdAt,
    publishedAt: v.publishedAt,
  };
}

/** Validates a rubric with the engine; every problem names its line (for text) and field. */
export function checkRubric(input: SubmitRubric): { rubric: Rubric; source: string } {
  const source = input.yaml ?? JSON.stringify(input.rubric, null, 2);
  const parsed =
    input.yaml !== undefined ? parseRubric(input.yaml, 'yaml') : validateRubric(input.rubric);
  if (!parsed.ok) {
    throw new DomainError(
      'INVALID_RUBRIC',
      `评分标准有 ${parsed.problems.length} 处错误：${parsed.problems.map(formatRubricProblem).join('; ')}`,
      {
        params: {
          count: parsed.problems.length,
          problems: parsed.problems.map(formatRubricProblem).join('; '),
        },
        problems: parsed.problems,
      },
    );
  }
  return { rubric: parsed.rubric, source };
}

/** Saves a draft rubric: replaces the latest version while it is a draft, else starts the next one. */
export function draftRubric(
  ctx: AppContext,
  contestId: string,
  input: SubmitRubric,
): Promise<RubricVersionView> {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    const { rubric, source } = checkRubric(input);
    const versions = await listRubricVersions(tx.db, contest.id);
    const latest = versions.at(-1);
    const now = tx.clock.now().toISOString();
    const saved =
      latest?.status === 'draft'
        ? await replaceDraftRubric(tx.db, latest.id, { source, rubric }, now)
        : await insertRubricVersion(
            tx.db,
            { contestId: contest.id, version: (latest?.version ?? 0) + 1, source, rubric },
            now,
          );
    await audit(tx, {
      action: 'rubric.draft',
      entityType: 'rubric',
      entityId: `${contest.id}:${saved.version}`,
      unitId: contest.organizerUnitId,
      after: rubric,
    });
    return view(saved);
  });
}

async function requireVersion(db: Kysely<Database>, contestId: number, version: number) {
  const found = (await listRubricVersions(db, contestId)).find((v) => v.version === version);
  if (!found) {
    throw new DomainError('RUBRIC_NOT_FOUND', `评分标准第 ${version} 版不存在`, {
      params: { version },
    });
  }
  return found;
}

/** Publishes a draft (提前发布评分标准): from then on it is frozen; a change is a new version. */
export function publishRubric(
  ctx: AppContext,
  contestId: string,
  version: number,
): Promise<RubricVersionView> {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, contestId);
    await requireContestManager(tx, contest.organizerUnitId);
    const found = await requireVersion(tx.db, contest.id, version);
    if (found.status === 'published') {
      throw new DomainError('RUBRIC_FROZEN', `评分标准第 ${version} 版已发布，不能再改`, {
        params: { version },
      });
    }
    const codes = new Set(found.rubric.indicators.map((i) => i.code));
    const stray = (await listEvaluators(tx.db, contest.id)).filter(
      (e) => !codes.has(e.indicator_code),
    );
    if (stray.length) {
      throw new DomainError(
        'INVALID_RUBRIC',
        `牵头科室指向评分标准中没有的指标：${stray.map((e) => e.indicator_code).join(', ')}`,
        {
          params: {
            reason: 'evaluatorsStray',
            indicators: stray.map((e) => e.indicator_code).join(', '),
          },
          field: 'evaluators',
          indicators: stray.map((e) => e.indicator_code),
        },
      );
    }
    const now = tx.clock.now().toISOString();
    await publishRubricVersion(tx.db, found.id, now);
    await audit(tx, {
      action: 'rubric.publish',
      entityType: 'rubric',
      entityId: `${contest.id}:${version}`,
      unitId: contest.organizerUnitId,
      after: { version, publishedAt: now },
    });
    return { ...view(found), status: 'published', publishedAt: now };
  });
}

/** A rubric version: published ones are public; drafts only for the contest's organizers and viewers. */
export async function getRubric(
  ctx: AppContext,
  contestId: string,
  version: number,
): Promise<RubricVersionView> {
  const contest = await requireContest(ctx.db, contestId);
  const found = await requireVersion(ctx.db, contest.id, version);
  if (found.status !== 'published') await requireContestReader(ctx, contest.organizerUnitId);
  return view(found);
}

/** The version new rounds open with: the latest published one. */
export async function currentRubric(
  db: Kysely<Database>,
  contestId: number,
): Promise<RubricVersion | undefined> {
  return (await listRubricVersions(db, contestId)).filter((v) => v.status === 'published').at(-1);
}
