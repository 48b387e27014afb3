/** Response schemas of the ledger routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { PROBLEM_STATES, PROJECT_KINDS, PROJECT_STATES } from '../../core/ledger.ts';
import { UnitName } from './views.ts';

const LightColor = z.enum(['red', 'yellow', 'green']).meta({ id: 'Light' });

export const ProjectSummaryView = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(PROJECT_KINDS),
    kindName: z.string(),
    state: z.enum(PROJECT_STATES),
    stateName: z.string(),
    unit: UnitName,
    owner: z.string().nullable(),
    location: z.string().nullable(),
    industry: z.string().nullable(),
    totalInvestment: z.number(),
    startYear: z.number(),
    light: LightColor.nullable(),
    lightName: z.string().nullable(),
    lightReasons: z.array(z.string()),
    published: z.boolean(),
    publishInvestment: z.boolean(),
  })
  .meta({ id: 'ProjectSummary' });

export const ListProjectsView = z.object({ items: z.array(ProjectSummaryView), total: z.number() });

export const TaskforceView = z
  .object({
    id: z.number(),
    name: z.string(),
    leaderPost: z.string(),
    head: z.string(),
    department: UnitName.nullable(),
    members: z.array(z.string()),
  })
  .meta({ id: 'Taskforce' });

/** A project with its plan, progress, milestones, logs, light history and what the reader may do. */
export const ProjectView = ProjectSummaryView.extend({
  description: z.string().nullable(),
  stateReason: z.string().nullable(),
  supplementReason: z.string().nullable(),
  nextStates: z.array(z.enum(PROJECT_STATES)).readonly(),
  taskforce: TaskforceView.nullable(),
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
}).meta({ id: 'Project' });

export const AddLogView = z.object({
  id: z.number(),
  date: z.string(),
  who: z.string(),
  kind: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
});

export const ProblemView = z
  .object({
    id: z.number(),
    projectId: z.number(),
    project: z
      .object({ code: z.string(), name: z.string().optional(), unit: z.string().optional() })
      .optional(),
    title: z.string(),
    detail: z.string().nullable(),
    state: z.enum(PROBLEM_STATES),
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
  })
  .meta({ id: 'LedgerProblem' });

export const ListProblemsView = z.object({
  items: z.array(
    ProblemView.extend({
      steps: z.array(
        z.object({
          action: z.string(),
          note: z.string().nullable(),
          by: z.string(),
          at: z.string(),
        }),
      ),
    }),
  ),
  total: z.number(),
});

export const ListTaskforcesView = z.object({
  items: z.array(
    TaskforceView.extend({
      department: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
      projects: z.number(),
    }),
  ),
  total: z.number(),
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
