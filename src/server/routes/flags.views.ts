/** Response schemas of the flags routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

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

export const MyPositionsView = z.object({
  items: z.array(
    z.object({
      contest: z.object({
        id: z.number(),
        title: z.string(),
        category: z.string(),
        cadence: z.enum(['year', 'week', 'month', 'quarter']),
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
      task: z.string(),
      round: z.object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        state: z.enum(['draft', 'published', 'collecting', 'reviewing', 'notice']),
        stateName: z.string(),
        deadline: z.string().nullable(),
      }),
      contest: z.object({ id: z.number(), title: z.string(), category: z.string() }),
      indicators: z.array(z.string()),
      pendingAppeals: z.number(),
    }),
  ),
  total: z.number(),
});
