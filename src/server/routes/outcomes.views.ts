/** Response schemas of the outcomes routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { CADENCES } from '../../core/period.ts';
import { ROUND_STATES } from '../../core/round-state.ts';
import { ContestRef, FlagColor, UnitBrief } from './views.ts';

export const SeriesSummaryView = z
  .object({
    id: z.number(),
    title: z.string(),
    office: z.string(),
    docPrefix: z.string(),
    copyTo: z.string().nullable(),
    printedBy: z.string().nullable(),
    contestIds: z.array(z.number()),
    createdAt: z.string(),
    organizer: UnitBrief,
  })
  .meta({ id: 'SeriesSummary' });

export const ListSeriesForView = z.object({ items: z.array(SeriesSummaryView), total: z.number() });

/** Red and yellow flags of a series' contests in a period or a year, unit by unit. */
const SeriesTallies = z
  .object({
    period: z.string().optional(),
    periodLabel: z.string().optional(),
    year: z.number().optional(),
    red: z.number(),
    yellow: z.number(),
    redUnits: z.number(),
    yellowUnits: z.number(),
    units: z.array(
      z.object({
        unit: UnitBrief,
        red: z.number(),
        yellow: z.number(),
        contests: z.array(
          z.object({
            id: z.number(),
            title: z.string(),
            color: FlagColor,
            period: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'SeriesTallies' });

/** A series with its contests' rounds of the period and its tallies (GET /series/:id). */
export const SeriesView = SeriesSummaryView.extend({
  contests: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      category: z.string(),
      cadence: z.enum(CADENCES),
      runsAtPeriod: z.boolean().nullable(),
      round: z
        .object({
          id: z.number(),
          period: z.string(),
          state: z.enum(ROUND_STATES),
          stateName: z.string(),
          deadline: z.string().nullable(),
          revision: z.number(),
          noticeEndsAt: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  tallies: z.object({ year: SeriesTallies.optional(), period: SeriesTallies.optional() }),
  /** What the reader may do (policies/contest.ts): run the series' bulk steps. */
  may: z.object({ manage: z.boolean() }),
}).meta({ id: 'Series' });

export const OpenSeriesRoundsView = z
  .object({
    dryRun: z.boolean(),
    lines: z.array(
      z.object({
        contest: z.object({ id: z.number(), title: z.string() }),
        roundId: z.number().nullable(),
        from: z.enum(ROUND_STATES).nullable(),
        to: z.enum(ROUND_STATES).nullable(),
        action: z.enum(['move', 'open', 'skip', 'refused']),
        message: z.string(),
        flags: z.object({ red: z.array(z.string()), yellow: z.array(z.string()) }).optional(),
      }),
    ),
    changed: z.number(),
  })
  .meta({ id: 'SeriesStep' });

export const RectificationView = z
  .object({
    id: z.number(),
    contestId: z.number(),
    roundId: z.number(),
    unitId: z.number(),
    period: z.string(),
    state: z.enum(['open', 'submitted', 'signed_off']),
    deadline: z.string(),
    commitment: z.string().nullable(),
    measures: z.string().nullable(),
    submittedBy: z.number().nullable(),
    submittedAt: z.string().nullable(),
    signedOffBy: z.number().nullable(),
    signedOffAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    interviewRequired: z.boolean(),
    interviewOn: z.string().nullable(),
    interviewNote: z.string().nullable(),
    createdAt: z.string(),
    unit: UnitBrief,
    contest: ContestRef,
    periodLabel: z.string(),
    stateName: z.enum(['待整改', '待销号', '已销号']),
    overdue: z.boolean(),
    /** What the reader may do now (policies/rectification.ts): submit, sign off or return, record the interview. */
    may: z.object({ submit: z.boolean(), decide: z.boolean(), interview: z.boolean() }),
  })
  .meta({ id: 'Rectification' });

export const ListRectificationsForView = z.object({
  items: z.array(RectificationView),
  total: z.number(),
});

export const PublicNoticesView = z.object({
  items: z.array(
    z
      .object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        contest: ContestRef,
        stateName: z.string(),
        noticeStartedAt: z.string().nullable(),
        noticeEndsAt: z.string().nullable(),
        results: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            group: z.string(),
            total: z.number(),
            rank: z.number(),
            flag: FlagColor.nullable(),
          }),
        ),
      })
      .meta({ id: 'PublicNotice' }),
  ),
  total: z.number(),
});
