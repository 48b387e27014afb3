/** Response schemas of the outcomes routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

export const ListSeriesForView = z.object({
  items: z.array(
    z.object({
      organizer: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      id: z.number(),
      title: z.string(),
      office: z.string(),
      docPrefix: z.string(),
      copyTo: z.string().nullable(),
      printedBy: z.string().nullable(),
      contestIds: z.array(z.number()),
      createdAt: z.string(),
    }),
  ),
  total: z.number(),
});

export const CreateSeriesView = z.object({
  contests: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      category: z.string(),
      cadence: z.enum(['year', 'week', 'month', 'quarter']),
      runsAtPeriod: z.boolean().nullable(),
      round: z
        .object({
          id: z.number(),
          period: z.string(),
          state: z.enum(['draft', 'published', 'collecting', 'reviewing', 'notice']),
          stateName: z.string(),
          deadline: z.string().nullable(),
          revision: z.number(),
          noticeEndsAt: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  tallies: z.object({
    year: z
      .object({
        red: z.number(),
        yellow: z.number(),
        redUnits: z.number(),
        yellowUnits: z.number(),
        units: z.array(
          z.object({
            unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
            red: z.number(),
            yellow: z.number(),
            contests: z.array(
              z.object({
                id: z.number(),
                title: z.string(),
                color: z.enum(['red', 'yellow']),
                period: z.string(),
              }),
            ),
          }),
        ),
        year: z.number().optional(),
        period: z.string().optional(),
        periodLabel: z.string().optional(),
      })
      .optional(),
    period: z
      .object({
        red: z.number(),
        yellow: z.number(),
        redUnits: z.number(),
        yellowUnits: z.number(),
        units: z.array(
          z.object({
            unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
            red: z.number(),
            yellow: z.number(),
            contests: z.array(
              z.object({
                id: z.number(),
                title: z.string(),
                color: z.enum(['red', 'yellow']),
                period: z.string(),
              }),
            ),
          }),
        ),
        year: z.number().optional(),
        period: z.string().optional(),
        periodLabel: z.string().optional(),
      })
      .optional(),
  }),
  organizer: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  id: z.number(),
  title: z.string(),
  office: z.string(),
  docPrefix: z.string(),
  copyTo: z.string().nullable(),
  printedBy: z.string().nullable(),
  contestIds: z.array(z.number()),
  createdAt: z.string(),
});

export const OpenSeriesRoundsView = z.object({
  dryRun: z.boolean(),
  lines: z.array(
    z.object({
      contest: z.object({ id: z.number(), title: z.string() }),
      roundId: z.number().nullable(),
      from: z.enum(['draft', 'published', 'collecting', 'reviewing', 'notice']).nullable(),
      to: z.enum(['draft', 'published', 'collecting', 'reviewing', 'notice']).nullable(),
      action: z.enum(['move', 'open', 'skip', 'refused']),
      message: z.string(),
      flags: z.object({ red: z.array(z.string()), yellow: z.array(z.string()) }).optional(),
    }),
  ),
  changed: z.number(),
});

export const ListRectificationsForView = z.object({
  items: z.array(
    z.object({
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      contest: z.object({ id: z.number(), title: z.string(), category: z.string() }),
      periodLabel: z.string(),
      stateName: z.enum(['待整改', '待销号', '已销号']),
      overdue: z.boolean(),
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
    }),
  ),
  total: z.number(),
});

export const CreateRectificationView = z.object({
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  contest: z.object({ id: z.number(), title: z.string(), category: z.string() }),
  periodLabel: z.string(),
  stateName: z.enum(['待整改', '待销号', '已销号']),
  overdue: z.boolean(),
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
});

export const PublicNoticesView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      period: z.string(),
      periodLabel: z.string(),
      contest: z.object({ id: z.number(), title: z.string(), category: z.string() }),
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
          flag: z.enum(['red', 'yellow']).nullable(),
        }),
      ),
    }),
  ),
  total: z.number(),
});
