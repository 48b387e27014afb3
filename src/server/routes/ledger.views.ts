/** Response schemas of the ledger routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

export const ListProjectsViewView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      kind: z.enum(['key_project', 'critical_project', 'key_enterprise', 'urban_work', 'key_task']),
      kindName: z.string(),
      state: z.enum([
        'active',
        'planning',
        'reserve',
        'completed',
        'retired',
        'withdrawn',
        'suspended',
      ]),
      stateName: z.string(),
      unit: z.object({ code: z.string(), name: z.string() }),
      owner: z.string().nullable(),
      location: z.string().nullable(),
      industry: z.string().nullable(),
      totalInvestment: z.number(),
      startYear: z.number(),
      light: z.enum(['red', 'yellow', 'green']).nullable(),
      lightName: z.string().nullable(),
      lightReasons: z.array(z.string()),
      published: z.boolean(),
      publishInvestment: z.boolean(),
    }),
  ),
  total: z.number(),
});

export const CreateProjectView = z.object({
  description: z.string().nullable(),
  stateReason: z.string().nullable(),
  supplementReason: z.string().nullable(),
  nextStates: z
    .array(
      z.enum(['active', 'planning', 'reserve', 'completed', 'retired', 'withdrawn', 'suspended']),
    )
    .readonly(),
  taskforce: z
    .object({
      id: z.number(),
      name: z.string(),
      leaderPost: z.string(),
      head: z.string(),
      department: z.object({ code: z.string(), name: z.string() }).nullable(),
      members: z.array(z.string()),
    })
    .nullable(),
  investments: z.array(
    z.object({
      month: z.string(),
      planned: z.number().nullable(),
      completed: z.number().nullable(),
    }),
  ),
  totals: z.object({
    ytdRate: z.number().nullable(),
    yearRate: z.number().nullable(),
    sinceStartRate: z.number().nullable(),
    yearPlanned: z.number(),
    ytdPlanned: z.number(),
    ytdCompleted: z.number(),
    totalCompleted: z.number(),
    year: z.number(),
  }),
  milestones: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      name: z.string(),
      planned: z.string(),
      actual: z.string().nullable(),
      daysLate: z.number(),
    }),
  ),
  logs: z.array(
    z.object({
      id: z.number(),
      date: z.string(),
      who: z.string(),
      kind: z.string(),
      kindName: z.string(),
      text: z.string(),
      photos: z.array(z.string()),
    }),
  ),
  lightHistory: z.array(
    z.object({
      month: z.string(),
      light: z.string(),
      reasons: z.array(z.string()),
      ytdPlanned: z.number(),
      ytdCompleted: z.number(),
    }),
  ),
  may: z.object({ read: z.boolean(), report: z.boolean(), manage: z.boolean(), plan: z.boolean() }),
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['key_project', 'critical_project', 'key_enterprise', 'urban_work', 'key_task']),
  kindName: z.string(),
  state: z.enum([
    'active',
    'planning',
    'reserve',
    'completed',
    'retired',
    'withdrawn',
    'suspended',
  ]),
  stateName: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  owner: z.string().nullable(),
  location: z.string().nullable(),
  industry: z.string().nullable(),
  totalInvestment: z.number(),
  startYear: z.number(),
  light: z.enum(['red', 'yellow', 'green']).nullable(),
  lightName: z.string().nullable(),
  lightReasons: z.array(z.string()),
  published: z.boolean(),
  publishInvestment: z.boolean(),
});

export const AddLogView = z.object({
  id: z.number(),
  date: z.string(),
  who: z.string(),
  kind: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
});

export const RaiseProblemView = z.object({
  id: z.number(),
  projectId: z.number(),
  project: z
    .object({ code: z.string(), name: z.string().optional(), unit: z.string().optional() })
    .optional(),
  title: z.string(),
  detail: z.string().nullable(),
  state: z.enum(['raised', 'assigned', 'reminded', 'escalated', 'replied', 'confirmed', 'closed']),
  stateName: z.string(),
  owner: z.object({ code: z.string(), name: z.string().nullable().optional() }).nullable(),
  ownerUnitId: z.number().nullable(),
  deadline: z.string().nullable(),
  reply: z.string().nullable(),
  raisedOn: z.string(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  closedOnTime: z.boolean().nullable(),
});

export const ListProblemsViewView = z.object({
  items: z.array(
    z.object({
      steps: z.array(
        z.object({
          action: z.string(),
          note: z.string().nullable(),
          by: z.string(),
          at: z.string(),
        }),
      ),
      id: z.number(),
      projectId: z.number(),
      project: z
        .object({ code: z.string(), name: z.string().optional(), unit: z.string().optional() })
        .optional(),
      title: z.string(),
      detail: z.string().nullable(),
      state: z.enum([
        'raised',
        'assigned',
        'reminded',
        'escalated',
        'replied',
        'confirmed',
        'closed',
      ]),
      stateName: z.string(),
      owner: z.object({ code: z.string(), name: z.string().nullable().optional() }).nullable(),
      ownerUnitId: z.number().nullable(),
      deadline: z.string().nullable(),
      reply: z.string().nullable(),
      raisedOn: z.string(),
      closedOn: z.string().nullable(),
      overdue: z.boolean(),
      daysOverdue: z.number(),
      closedOnTime: z.boolean().nullable(),
    }),
  ),
  total: z.number(),
});

export const ListTaskforcesViewView = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      leaderPost: z.string(),
      head: z.string(),
      department: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
      members: z.array(z.string()),
      projects: z.number(),
    }),
  ),
  total: z.number(),
});

export const CreateTaskforceView = z.object({
  id: z.number(),
  name: z.string(),
  leaderPost: z.string(),
  head: z.string(),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  members: z.array(z.string()),
});

export const SnapshotLightsView = z.object({
  month: z.string(),
  asOf: z.string(),
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
});

export const UploadLedgerPhotoView = z.object({
  sha256: z.string(),
  contentType: z.string(),
  size: z.number(),
});
