/** Response schemas of the flags routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { CADENCES } from '../../core/period.ts';
import { ROUND_STATES } from '../../core/round-state.ts';
import { ContestRef, listOf, UnitBrief } from './views.ts';

/** A unit's red and yellow flags in a year, contest by contest. */
export const FlagTallyView = z
  .object({
    unit: UnitBrief,
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
  })
  .meta({ id: 'FlagTally' });

export const GetFlagTalliesView = listOf(FlagTallyView);

export const MyPositionsView = z.object({
  items: z.array(
    z.object({
      contest: z.object({
        id: z.number(),
        title: z.string(),
        category: z.string(),
        cadence: z.enum(CADENCES),
      }),
      latest: z
        .object({
          roundId: z.number(),
          period: z.string(),
          periodLabel: z.string(),
          total: z.number(),
          rank: z.number(),
          group: z.string(),
          flag: z.string().nullable(),
          rankChange: z.number().nullable(),
        })
        .nullable(),
      history: z.array(
        z.object({
          period: z.string(),
          rank: z.number(),
          total: z.number(),
          flag: z.string().nullable(),
        }),
      ),
    }),
  ),
  total: z.number(),
});

export const MyTasksView = z.object({
  items: z.array(
    z.object({
      task: z.enum(['report', 'score', 'appeals', 'advance']),
      round: z.object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        state: z.enum(ROUND_STATES),
        stateName: z.string(),
        deadline: z.string().nullable(),
      }),
      contest: ContestRef,
      indicators: z.array(z.string()),
      pendingAppeals: z.number(),
    }),
  ),
  total: z.number(),
});
