/** Response schemas: what the API presents, shared by routes and the OpenAPI document. */
import { z } from 'zod';
import { IdText, RefText } from '../../app/ids.ts';
import { CADENCES } from '../../core/period.ts';
import { ROLES } from '../../core/permissions.ts';
import { ROUND_STATES } from '../../core/round-state.ts';
import { UNIT_KINDS } from '../../core/units.ts';

/**
 * Holds a view to a core type at compile time, both ways: a field added to one and not to the
 * other fails `tsc` instead of being stripped from answers in silence.
 */
export function mirrors<T>() {
  return <S extends z.ZodType<T>>(schema: S & ([T] extends [z.output<S>] ? unknown : never)): S =>
    schema;
}

/** A unit named by its code (the form the web shows and links by). */
export const UnitName = z.object({ code: z.string(), name: z.string() }).meta({ id: 'UnitName' });

/** A unit by id, code and name. */
export const UnitBrief = z
  .object({ id: z.number(), code: z.string(), name: z.string() })
  .meta({ id: 'UnitBrief' });

export const UnitRef = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
  })
  .meta({ id: 'UnitRef' });

/** A contest as other resources name it. */
export const ContestRef = z
  .object({ id: z.number(), title: z.string(), category: z.string() })
  .meta({ id: 'ContestRef' });

export const FlagColor = z.enum(['red', 'yellow']).meta({ id: 'FlagColor' });

export const UnitView = UnitRef.extend({
  parentId: z.number().nullable(),
  active: z.boolean(),
  childCount: z.number(),
  /** From the root down to the unit itself; sent by GET /units/:id and by searches. */
  path: z.array(UnitRef).optional(),
}).meta({ id: 'Unit' });

export const UserView = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.number(),
    unit: UnitBrief.optional(),
    roles: z.array(z.enum(ROLES)),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

/** A user with the one-time password made for them (create without password, or reset). */
export const UserWithSecret = z
  .object({ user: UserView, password: z.string().optional() })
  .meta({ id: 'UserWithSecret' });

export const SessionView = z
  .object({
    user: UserView,
    unit: UnitRef,
    unitPath: z.array(UnitRef),
    /** Echo it in the X-CSRF-Token header of every cookie-authenticated mutation. */
    csrfToken: z.string(),
    expiresAt: z.string(),
    /** Accounts (issue 19): the roles acted with, and what must be put right before going on. */
    effectiveRoles: z.array(z.enum(ROLES)),
    separationOfDuties: z.boolean(),
    restriction: z.enum(['password_first', 'password_expired', 'totp_setup']).nullable(),
    totpEnabled: z.boolean(),
    /** What the user may do at their own unit (src/app/policies): read the points boards below it, start contests. */
    may: z.object({ pointsBoards: z.boolean(), createContests: z.boolean() }),
    previousSignIn: z
      .object({ at: z.string().nullable(), ip: z.string().nullable(), failuresSince: z.number() })
      .optional(),
  })
  .meta({ id: 'Session' });

export const TokenView = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const AuditEventView = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: z.number().nullable(),
    actorName: z.string(),
    unitId: z.number().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** What the target is called (unit, contest and period…); absent when it no longer exists. */
    entityName: z.string().optional(),
    /** Names of the units that before/after mention by id. */
    unitNames: z.record(z.string(), z.string()).optional(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number() });

/** A record's numeric id in the path, within the id column's range (else 400). */
export const IdParam = z.object({ id: IdText });
/** A unit or user in the path: its id, or its code / username. */
export const RefParam = z.object({ id: RefText });

export const ContestSummaryView = z
  .object({
    id: z.number(),
    title: z.string(),
    category: z.string(),
    cadence: z.enum(CADENCES),
    extraCadences: z.array(z.enum(CADENCES)),
    /** Cadences whose rounds award flags; the notice window in days (DESIGN §2). */
    flagCadences: z.array(z.enum(CADENCES)),
    noticeDays: z.number(),
    isTemplate: z.boolean(),
    templateId: z.number().nullable(),
    description: z.string().nullable(),
    createdAt: z.string(),
    organizer: UnitRef,
  })
  .meta({ id: 'ContestSummary' });

export const ContestView = ContestSummaryView.extend({
  participants: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      group: z.string(),
    }),
  ),
  groups: z.array(z.string()),
  evaluators: z.record(z.string(), UnitRef),
  rubricVersions: z.array(
    z.object({
      version: z.number(),
      status: z.enum(['draft', 'published']),
      publishedAt: z.string().nullable(),
    }),
  ),
  rounds: z.array(
    z.object({
      id: z.number(),
      period: z.string(),
      state: z.enum(ROUND_STATES),
      revision: z.number(),
      deadline: z.string().nullable(),
    }),
  ),
  /** What the reader may do with the contest (src/app/policies/contest.ts). */
  may: z.object({
    /** Runs it: edits it and its rubric, opens rounds, writes practices. */
    manage: z.boolean(),
    /** Reads its unpublished parts. */
    read: z.boolean(),
    /** A county template: compares the towns' rounds (三级联动). */
    readLinkage: z.boolean(),
    /** A county template: the reader's town may start its own contest from it. */
    instantiate: z.boolean(),
  }),
}).meta({ id: 'Contest' });

/** A rubric of DESIGN §3 with every default filled in (src/core/rubric.ts `Rubric`). */
export const RubricView = z
  .object({
    title: z.string(),
    description: z.string().optional(),
    precision: z.number(),
    ranking: z.enum(['competition', 'dense']),
    tieBreak: z.array(z.string()),
    indicators: z.array(
      z.union([
        z.object({
          kind: z.literal('scored'),
          code: z.string(),
          name: z.string(),
          points: z.number(),
          method: z.enum(['range', 'rank', 'manual', 'target', 'relative', 'bands']),
          better: z.enum(['higher', 'lower']),
          target: z.number().optional(),
          step: z.number().optional(),
          floor: z.number().optional(),
          bands: z.array(z.tuple([z.number(), z.number()])).optional(),
          unit: z.string().optional(),
          plausible: z.tuple([z.number(), z.number()]).optional(),
          description: z.string().optional(),
          source: z.string().optional(),
        }),
        z.object({
          kind: z.enum(['bonus', 'deduction']),
          code: z.string(),
          name: z.string(),
          per: z.number(),
          cap: z.number().optional(),
          description: z.string().optional(),
        }),
        z.object({
          kind: z.literal('veto'),
          code: z.string(),
          name: z.string(),
          description: z.string().optional(),
        }),
      ]),
    ),
    flags: z.object({
      red: z
        .object({
          top: z.number().optional(),
          topPercent: z.number().optional(),
          minScore: z.number().optional(),
        })
        .optional(),
      yellow: z
        .object({
          bottom: z.number().optional(),
          bottomPercent: z.number().optional(),
          below: z.number().optional(),
        })
        .optional(),
      minGroup: z.number().optional(),
    }),
  })
  .meta({ id: 'Rubric', description: 'rubric (DESIGN §3)' });
const RubricJson = RubricView;

/** A file download (xlsx, csv, docx, an image or evidence): the bytes, not JSON. */
export const FileBody = z.unknown().meta({ type: 'string', format: 'binary' }).describe('file');
/** 204: nothing in the body. */
export const NoContent = z.void().describe('No Content');

export const RubricVersionView = z
  .object({
    contestId: z.number(),
    version: z.number(),
    status: z.enum(['draft', 'published']),
    rubric: RubricJson,
    source: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'RubricVersion' });

export const RoundView = z
  .object({
    id: z.number(),
    contest: z.object({
      id: z.number(),
      title: z.string(),
      category: z.string(),
      cadence: z.enum(CADENCES),
    }),
    period: z.string(),
    periodLabel: z.string(),
    state: z.enum(ROUND_STATES),
    stateName: z.string(),
    nextStates: z.array(z.enum(ROUND_STATES)).readonly(),
    deadline: z.string().nullable(),
    revision: z.number(),
    rubricVersion: z.number(),
    rubric: RubricJson,
    publishedAt: z.string().nullable(),
    /**
     * What the signed-in user may do in this round now (src/app/policies/round.ts; all false for
     * anonymous readers). The web shows its actions from this, never from roles or states.
     */
    may: z.object({
      /** Runs the contest: moves the round, sees completeness, fills any cell. */
      manage: z.boolean(),
      /** Indicators the reader's unit leads (牵头责任科室) and scores for every participant. */
      evaluates: z.array(z.string()),
      /** The participant the reader reports for (its code). */
      reportsFor: z.string().nullable(),
      /** States the reader may move the round to now. */
      transition: z.array(z.enum(ROUND_STATES)),
      /** Fills some cells now (which ones: the entries' `editable`). */
      fill: z.boolean(),
      /** Downloads the fill-in template and imports a sheet now. */
      importSheet: z.boolean(),
      /** Indicators whose entries the reader may verify now. */
      verify: z.array(z.string()),
      /** Files an appeal now (notice): a reporter for its own unit, a manager for any. */
      appeal: z.boolean(),
      /** Indicators whose pending appeals the reader may decide now (its own unit's apart: 回避). */
      decideAppeals: z.array(z.string()),
      /** Corrects the published round. */
      correct: z.boolean(),
      /** Reads the results (before publication: the draft). */
      readResults: z.boolean(),
    }),
    /** How a derived round (a quarter from its months) was made; null for entered rounds. */
    derivation: z.object({ method: z.string(), from: z.array(z.string()) }).nullable(),
    /** The notice (公示) window once the round entered notice (DESIGN §2). */
    notice: z
      .object({ startedAt: z.string(), endsAt: z.string(), earlyReason: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Round' });

const IndicatorCell = z.object({
  value: z.number().nullable(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
});

export const ResultView = z
  .object({
    code: z.string(),
    name: z.string(),
    group: z.string(),
    total: z.number(),
    rank: z.number(),
    overallRank: z.number(),
    flag: FlagColor.nullable(),
    vetoed: z.boolean(),
    missing: z.array(z.string()),
    indicators: z.record(z.string(), IndicatorCell),
    previousRank: z.number().nullable(),
    rankChange: z.number().nullable(),
    totalChange: z.number().nullable(),
    gapToNext: z.number().nullable(),
    gapToRed: z.number().nullable(),
  })
  .meta({ id: 'UnitResult' });

export const ResultsView = z
  .object({
    roundId: z.number(),
    period: z.string(),
    state: z.enum(ROUND_STATES),
    revision: z.number(),
    items: z.array(ResultView),
    total: z.number(),
  })
  .meta({ id: 'Results' });

export const AppealView = z
  .object({
    id: z.number(),
    roundId: z.number(),
    unitId: z.number(),
    unit: UnitName.optional(),
    indicator: z.string(),
    reason: z.string(),
    filedBy: z.number().nullable(),
    filedAt: z.string(),
    status: z.enum(['pending', 'upheld', 'rejected']),
    oldValue: z.number().nullable(),
    newValue: z.number().nullable(),
    decisionReason: z.string().nullable(),
    decidedBy: z.number().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'Appeal' });
