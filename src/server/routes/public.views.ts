/** Response schemas of the public routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { ResultView, RubricView } from './views.ts';

export const PublicContestView = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  cadence: z.enum(['year', 'week', 'month', 'quarter']),
  description: z.string().nullable(),
  organizer: z.object({ code: z.string(), name: z.string() }),
  participants: z.array(z.object({ code: z.string(), name: z.string(), group: z.string() })),
  rubricVersions: z.array(z.object({ version: z.number(), publishedAt: z.string().nullable() })),
  rubric: RubricView,
  rounds: z.array(
    z.object({
      id: z.number(),
      period: z.string(),
      periodLabel: z.string(),
      revision: z.number(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

export const PublicRubricView = z.object({
  contestId: z.number(),
  version: z.number(),
  rubric: RubricView,
  publishedAt: z.string().nullable(),
});

export const GetFlagTalliesView = z.object({
  items: z.array(
    z.object({
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      red: z.number(),
      yellow: z.number(),
      contests: z.array(
        z.object({
          id: z.number(),
          title: z.string(),
          category: z.string(),
          red: z.number(),
          yellow: z.number(),
        }),
      ),
    }),
  ),
  total: z.number(),
});

export const PublicUnitHistoryView = z.object({
  unit: z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum([
      'province',
      'city',
      'county',
      'street',
      'town',
      'township',
      'village',
      'community',
      'department',
      'other',
    ]),
  }),
  items: z.array(
    z.object({
      roundId: z.number(),
      contest: z.object({ id: z.number(), title: z.string() }),
      period: z.string(),
      periodLabel: z.string(),
      total: z.number(),
      rank: z.number(),
      flag: z.string().nullable(),
      rankChange: z.number().nullable(),
    }),
  ),
});

export const PublicPracticesView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      summary: z.string().nullable(),
      unit: z.object({ code: z.string(), name: z.string() }),
      contest: z.object({ id: z.number(), title: z.string() }),
      roundId: z.number().nullable(),
      period: z.string().nullable(),
      periodLabel: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
});

export const PublicPracticeView = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  contest: z.object({ id: z.number(), title: z.string() }),
  roundId: z.number().nullable(),
  period: z.string().nullable(),
  periodLabel: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const PublicVersionView = z.object({ version: z.string() });

/**
 * The public contest list (`listPublicContests`); sent as prepared JSON with an ETag, which
 * `publicContests` builds field by field, so nothing outside this schema is ever in it.
 */
export const PublicContestsView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      category: z.string(),
      cadence: z.enum(['year', 'week', 'month', 'quarter']),
      organizer: z.object({ code: z.string(), name: z.string() }),
      rounds: z.number(),
      latestRound: z.object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        publishedAt: z.string().nullable(),
      }),
    }),
  ),
  total: z.number(),
});

/** A published round's ranking (`buildPublicRound`, prepared JSON with an ETag as above). */
export const PublicRoundView = z.object({
  round: z.object({
    id: z.number(),
    period: z.string(),
    periodLabel: z.string(),
    revision: z.number(),
    publishedAt: z.string().nullable(),
    contest: z.object({ id: z.number(), title: z.string(), category: z.string() }),
    rubric: RubricView,
  }),
  items: z.array(ResultView),
  total: z.number(),
  revisions: z.array(
    z.object({
      revision: z.number(),
      reason: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
  practices: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      summary: z.string().nullable(),
      unit: z.object({ code: z.string(), name: z.string() }),
    }),
  ),
});
