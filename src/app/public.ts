/**
 * What anyone may read without signing in (DESIGN §1 "public"): published contests, rounds,
 * rubrics, flags and practices — and nothing else. Every query here filters on publication.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { periodLabel } from '../core/period.ts';
import type { ChangeFeed } from '../db/change-feed.ts';
import { findContest, listParticipants, listRubricVersions } from '../db/contest.repository.ts';
import {
  findPractice,
  findPublicImage,
  listPractices,
  type Practice,
} from '../db/practice.repository.ts';
import { listPublishedContests, publishedRoundsStamp } from '../db/public.repository.ts';
import { listResults, unitHistory } from '../db/result.repository.ts';
import { findRound, listRevisions, listRounds, roundHead } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit } from '../db/unit.repository.ts';
import { rubricOfRound } from './compute-round.ts';
import { CountQuery, IdQuery } from './ids.ts';
import { resultView } from './rounds.ts';

type Db = Kysely<Database>;

const notFound = (what: string) =>
  new DomainError('NOT_FOUND', `未找到或尚未发布：${what}`, {
    params: { reason: 'notPublished', id: what },
  });

export const PublicContestsQuery = z.object({ category: z.string().min(1).max(100).optional() });

/** The public contest list as sent, with its ETag. */
export interface PublicContestsBody {
  etag: string;
  json: string;
}

/** Contests with at least one published round, by category, each with its latest published round. */
export async function listPublicContests(db: Db, query: z.infer<typeof PublicContestsQuery>) {
  const rows = await listPublishedContests(db, query.category);
  const items = rows.map((c) => {
    const latest = c.rounds.at(-1)!;
    return {
      id: c.id,
      title: c.title,
      category: c.category,
      cadence: c.cadence,
      organizer: { code: c.organizerCode, name: c.organizerName },
      rounds: c.rounds.length,
      latestRound: {
        id: latest.id,
        period: latest.period,
        periodLabel: periodLabel(latest.period),
        publishedAt: latest.publishedAt,
      },
    };
  });
  return { items, total: items.length };
}

/**
 * The public contest list from the cache: it changes only when a round is published or corrected
 * (or a contest retitled), and those drop it (`PublicContestsCache.invalidate`). Another app
 * server's change arrives through the change feed (`followChanges`), and entries are then trusted
 * until it does; without a feed (SQLite, or while the feed is down) they are rechecked after
 * `recheckMs`.
 */
export class PublicContestsCache {
  private readonly entries = new Map<string, { body: PublicContestsBody; at: number }>();
  hits = 0;
  misses = 0;
  /** Bumped by every invalidation: a body built from reads begun before it is not kept. */
  generation = 0;
  constructor(
    public recheckMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}
  get(key: string): PublicContestsBody | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at < this.recheckMs) {
      this.hits += 1;
      return entry.body;
    }
    this.misses += 1;
    return undefined;
  }
  set(key: string, body: PublicContestsBody, generation = this.generation): void {
    if (generation !== this.generation) return;
    // Keys are categories: a handful; a hostile client asking for many is bounded here.
    if (this.entries.size >= 200) this.entries.clear();
    this.entries.set(key, { body, at: this.now() });
  }
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** How a public read treats the caches. */
export interface PublicReadOptions {
  /**
   * Read the database rather than trust a cached answer (a session that has just written: its
   * change may not have reached this server's caches through the feed yet).
   */
  recheck?: boolean;
}

/** The public contest list, cached per category and tagged for revalidation. */
export async function publicContests(
  db: Db,
  query: z.infer<typeof PublicContestsQuery>,
  cache: PublicContestsCache = new PublicContestsCache(0),
  options: PublicReadOptions = {},
): Promise<PublicContestsBody> {
  const key = query.category ?? '';
  const cached = options.recheck ? undefined : cache.get(key);
  if (cached) return cached;
  const generation = cache.generation;
  const json = JSON.stringify(await listPublicContests(db, query));
  const etag = `"c${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`;
  const body = { etag, json };
  cache.set(key, body, generation);
  return body;
}

/** A contest's public face: its published rubric versions, participants and published rounds. */
export async function publicContest(db: Db, id: number) {
  const contest = await findContest(db, id);
  if (!contest) throw notFound(`contest ${id}`);
  const [versions, rounds, participants, organizer] = await Promise.all([
    listRubricVersions(db, id),
    listRounds(db, id),
    listParticipants(db, id),
    findUnit(db, contest.organizerUnitId),
  ]);
  const published = rounds.filter((r) => r.state === 'published');
  const rubrics = versions.filter((v) => v.status === 'published');
  if (!rubrics.length) throw notFound(`contest ${id}`);
  return {
    id: contest.id,
    title: contest.title,
    category: contest.category,
    cadence: contest.cadence,
    description: contest.description,
    organizer: { code: organizer!.code, name: organizer!.name },
    participants: participants.map((p) => ({ code: p.code, name: p.name, group: p.group })),
    rubricVersions: rubrics.map((v) => ({ version: v.version, publishedAt: v.publishedAt })),
    rubric: rubrics.at(-1)!.rubric,
    rounds: published.map((r) => ({
      id: r.id,
      period: r.period,
      periodLabel: periodLabel(r.period),
      revision: r.revision,
      publishedAt: r.publishedAt,
    })),
  };
}

export async function publicRubric(db: Db, contestId: number, version: number) {
  const found = (await listRubricVersions(db, contestId)).find(
    (v) => v.version === version && v.status === 'published',
  );
  if (!found) throw notFound(`rubric ${contestId}/${version}`);
  return { contestId, version, rubric: found.rubric, publishedAt: found.publishedAt };
}

/** A published round as sent, with its ETag; the same revision always gives the same bytes. */
export interface PublicRoundBody {
  etag: string;
  json: string;
  revision: number;
}

/**
 * Published rounds change only through a correction, which raises the revision. An entry is
 * trusted for `recheckMs` after its revision was last read from the database, so the hot path
 * does no query at all; a correction made through this process drops the entry at once
 * (`invalidate`), one made through another app server arrives through the change feed
 * (`followChanges`, PostgreSQL) — or, without a live feed, is seen within `recheckMs`.
 */
export class PublishedRoundCache {
  private readonly entries = new Map<number, { body: PublicRoundBody; checkedAt: number }>();
  hits = 0;
  misses = 0;
  /** Bumped by every invalidation: a body built from reads begun before it is not kept. */
  generation = 0;
  constructor(
    private readonly max = 500,
    public recheckMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The entry when it was checked against the database recently enough. */
  fresh(roundId: number): PublicRoundBody | undefined {
    const entry = this.entries.get(roundId);
    if (entry && this.now() - entry.checkedAt < this.recheckMs) {
      this.hits += 1;
      return entry.body;
    }
    return undefined;
  }

  /** The entry if it is of this revision (and marks it checked), else undefined. */
  confirm(roundId: number, revision: number): PublicRoundBody | undefined {
    const entry = this.entries.get(roundId);
    if (entry?.body.revision !== revision) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    entry.checkedAt = this.now();
    return entry.body;
  }

  set(roundId: number, body: PublicRoundBody, generation = this.generation): void {
    if (generation !== this.generation) return;
    this.entries.delete(roundId);
    this.entries.set(roundId, { body, checkedAt: this.now() });
    // Oldest insertion first: evict it when full.
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(roundId: number): void {
    this.generation += 1;
    this.entries.delete(roundId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/**
 * Keeps the public caches true to the database through the change feed: a round's change drops
 * that round (and the contest list), any other table's change drops everything. While the feed
 * is live entries are trusted until told otherwise; while it is down every read checks the
 * round's revision again (`recheckMs` 0), and on reconnecting everything is dropped once.
 */
export function followChanges(
  feed: ChangeFeed,
  rounds: PublishedRoundCache,
  contests: PublicContestsCache,
): () => void {
  const trust = () => {
    const ms = feed.live ? Number.POSITIVE_INFINITY : 0;
    rounds.recheckMs = ms;
    contests.recheckMs = ms;
  };
  trust();
  return feed.subscribe((change) => {
    trust();
    if ('table' in change && change.table === 'rounds' && change.id !== undefined) {
      rounds.invalidate(change.id);
    } else {
      rounds.clear();
    }
    contests.invalidate();
  });
}

async function buildPublicRound(
  db: Db,
  roundId: number,
  revision: number,
): Promise<PublicRoundBody> {
  const round = (await findRound(db, roundId))!;
  const contest = (await findContest(db, round.contestId))!;
  const [rubric, rows, revisions, practices] = await Promise.all([
    rubricOfRound(db, round),
    listResults(db, round.id, revision),
    listRevisions(db, round.id),
    listPractices(db, { roundId: round.id, publishedOnly: true, limit: 50, offset: 0 }),
  ]);
  const body = {
    round: {
      id: round.id,
      period: round.period,
      periodLabel: periodLabel(round.period),
      revision,
      publishedAt: round.publishedAt,
      contest: { id: contest.id, title: contest.title, category: contest.category },
      rubric,
    },
    items: rows.map(resultView),
    total: rows.length,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      reason: r.reason,
      publishedAt: r.publishedAt,
    })),
    practices: await Promise.all(
      practices.items.map(async (p) => {
        const u = (await findUnit(db, p.unitId))!;
        return {
          id: p.id,
          title: p.title,
          summary: p.summary,
          unit: { code: u.code, name: u.name },
        };
      }),
    ),
  };
  const json = JSON.stringify(body);
  const etag = `"r${round.id}.${revision}.${createHash('sha1').update(json).digest('base64url').slice(0, 16)}"`;
  return { etag, json, revision };
}

/** A published round's ranking (latest revision), from the cache when it is current. */
export async function publicRound(
  db: Db,
  cache: PublishedRoundCache,
  id: number,
  options: PublicReadOptions = {},
): Promise<PublicRoundBody> {
  // Rechecked, a cached body is still used when the database's revision confirms it.
  const recent = options.recheck ? undefined : cache.fresh(id);
  if (recent) return recent;
  const generation = cache.generation;
  const head = await roundHead(db, id);
  if (head?.state !== 'published') {
    cache.invalidate(id);
    throw notFound(`round ${id}`);
  }
  const cached = cache.confirm(id, head.revision);
  if (cached) return cached;
  const body = await buildPublicRound(db, id, head.revision);
  cache.set(id, body, generation);
  return body;
}

/** A unit's published results across every contest, newest first. */
export async function publicUnitHistory(db: Db, code: string) {
  const unit = await findUnit(db, code);
  if (!unit) throw notFound(`unit ${code}`);
  const rows = await unitHistory(db, unit.id);
  const titles = new Map<number, string>();
  for (const r of rows) {
    if (!titles.has(r.contest_id))
      titles.set(r.contest_id, (await findContest(db, r.contest_id))?.title ?? '');
  }
  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    items: rows.map((r) => ({
      roundId: r.round_id,
      contest: { id: r.contest_id, title: titles.get(r.contest_id)! },
      period: r.period,
      periodLabel: periodLabel(r.period),
      total: r.total,
      rank: r.rank,
      flag: r.flag,
      rankChange: r.rank_change,
    })),
  };
}

export const PublicPracticesQuery = z.object({
  contest: IdQuery.optional(),
  round: IdQuery.optional(),
  unit: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: CountQuery.default(0),
});

export async function publicPractices(db: Db, query: z.infer<typeof PublicPracticesQuery>) {
  const unit = query.unit ? await findUnit(db, query.unit) : undefined;
  if (query.unit && !unit) return { items: [], total: 0 };
  const found = await listPractices(db, {
    contestId: query.contest,
    roundId: query.round,
    unitId: unit?.id,
    publishedOnly: true,
    limit: query.limit,
    offset: query.offset,
  });
  const items = [];
  for (const p of found.items) {
    const { bodyHtml: _body, ...summary } = await practiceView(db, p);
    items.push(summary);
  }
  return { items, total: found.total };
}

/** A practice with its unit, contest and the period of its round (2026年10月). */
async function practiceView(db: Db, p: Practice) {
  const u = (await findUnit(db, p.unitId))!;
  const c = (await findContest(db, p.contestId))!;
  const round = p.roundId ? await findRound(db, p.roundId) : undefined;
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    unit: { code: u.code, name: u.name },
    contest: { id: c.id, title: c.title },
    roundId: p.roundId,
    period: round?.period ?? null,
    periodLabel: round ? periodLabel(round.period) : null,
    publishedAt: p.publishedAt,
  };
}

export async function publicPractice(db: Db, id: number) {
  const p = await findPractice(db, id);
  if (p?.status !== 'published') throw notFound(`practice ${id}`);
  return practiceView(db, p);
}

export async function publicImage(db: Db, id: number) {
  const image = await findPublicImage(db, id);
  if (!image) throw notFound(`image ${id}`);
  return image;
}

/** A token that changes whenever a round is published or corrected: the big screen polls it. */
export async function publicVersion(db: Db): Promise<{ version: string }> {
  const row = await publishedRoundsStamp(db);
  return { version: `${row.n}.${row.revisions ?? 0}.${row.latest ?? ''}` };
}
