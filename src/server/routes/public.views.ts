/** Response schemas of the public routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { CADENCES } from '../../core/period.ts';
import { UNIT_KINDS } from '../../core/units.ts';
import { ContestRef, ResultView, RubricView, UnitName } from './views.ts';

export const PublicContestView = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  cadence: z.enum(CADENCES),
  description: z.string().nullable(),
  organizer: UnitName,
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

export { GetFlagTalliesView } from './flags.views.ts';

export const PublicUnitHistoryView = z.object({
  unit: z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
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

/** A published practice (经验做法) as the public list shows it. */
const PublicPracticeSummary = z
  .object({
    id: z.number(),
    title: z.string(),
    summary: z.string().nullable(),
    unit: UnitName,
    contest: z.object({ id: z.number(), title: z.string() }),
    roundId: z.number().nullable(),
    period: z.string().nullable(),
    periodLabel: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicPracticeSummary' });

export const PublicPracticesView = z.object({
  items: z.array(PublicPracticeSummary),
  total: z.number(),
});

export const PublicPracticeView = PublicPracticeSummary.extend({ bodyHtml: z.string() });

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
      cadence: z.enum(CADENCES),
      organizer: UnitName,
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
    contest: ContestRef,
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
      unit: UnitName,
    }),
  ),
});
