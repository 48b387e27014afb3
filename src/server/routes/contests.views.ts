/** Response schemas of the contests routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { ROUND_STATES } from '../../core/round-state.ts';

export const SetFeedsView = z.object({
  feeds: z.record(
    z.string(),
    z.object({ template: z.number(), measure: z.enum(['red_share', 'mean_total']) }),
  ),
});

export const LinkageView = z.object({
  template: z.object({ id: z.number(), title: z.string() }),
  period: z.string(),
  periodLabel: z.string(),
  towns: z.array(
    z.object({
      town: z.object({ code: z.string(), name: z.string() }),
      contestId: z.number().nullable(),
      started: z.boolean(),
      round: z
        .object({
          id: z.number(),
          state: z.enum(ROUND_STATES),
          revision: z.number(),
        })
        .nullable(),
      participants: z.number(),
      meanTotal: z.number().nullable(),
      red: z.number(),
      yellow: z.number(),
      best: z.object({ code: z.string(), name: z.string(), total: z.number() }).nullable(),
    }),
  ),
  villages: z.array(
    z.object({
      countyRank: z.number(),
      code: z.string(),
      name: z.string(),
      town: z.string(),
      total: z.number(),
      townRank: z.number(),
      flag: z.string().nullable(),
      vetoed: z.boolean(),
    }),
  ),
});
