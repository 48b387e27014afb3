/** Response schemas of the assessments routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import type { AssessedUnit, Scheme } from '../../core/assessment.ts';
import { FlagColor, mirrors, UnitName } from './views.ts';

const Grades = z
  .object({
    top: z.array(z.object({ name: z.string(), percent: z.number() })),
    bottom: z.array(z.object({ name: z.string(), percent: z.number() })),
    otherwise: z.string(),
  })
  .meta({ id: 'AssessmentGrades' });

const AdjustmentKind = z.enum(['bonus', 'deduction', 'veto']);

/** An assessment's scheme as stored, classes by unit code (src/core/assessment.ts `Scheme`). */
export const SchemeView = mirrors<Scheme>()(
  z
    .object({
      components: z.array(
        z.object({
          contestId: z.number(),
          title: z.string(),
          weight: z.number(),
          conversion: z.union([
            z.object({ method: z.literal('rank-linear'), first: z.number(), last: z.number() }),
            z.object({ method: z.literal('relative-to-best'), points: z.number() }),
            z.object({ method: z.literal('total') }),
          ]),
          aggregate: z.enum(['mean', 'sum', 'latest']),
        }),
      ),
      ratings: z
        .array(
          z.object({
            code: z.string(),
            name: z.string(),
            weight: z.number(),
            max: z.number(),
            trimFrom: z.number().optional(),
            raters: z.array(
              z.object({ user: z.string(), classes: z.array(z.string()).optional() }),
            ),
          }),
        )
        .optional(),
      adjustments: z
        .object({
          items: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              kind: AdjustmentKind,
              cap: z.number().optional(),
              grade: z.string().optional(),
            }),
          ),
          bonusCap: z.number().optional(),
          deductionCap: z.number().optional(),
        })
        .optional(),
      classes: z
        .array(
          z.object({
            code: z.string(),
            name: z.string(),
            units: z.array(z.string()),
            grades: Grades.optional(),
          }),
        )
        .optional(),
      weightTotal: z.number().optional(),
      flagPoints: z.object({ red: z.number(), yellow: z.number() }),
      grades: Grades,
      precision: z.number(),
    })
    .meta({ id: 'Scheme' }),
);

export const ListAssessmentsView = z.object({
  items: z.array(
    z.object({ id: z.number(), year: z.number(), title: z.string(), state: z.string() }),
  ),
  total: z.number(),
});

/** An assessment with its scheme, versions and what the reader may do. */
export const AssessmentView = z
  .object({
    id: z.number(),
    title: z.string(),
    year: z.number(),
    state: z.enum(['draft', 'published']),
    version: z.number(),
    publishedAt: z.string().nullable(),
    organizer: UnitName,
    scheme: SchemeView,
    participants: z.array(UnitName),
    versions: z.array(
      z.object({
        version: z.number(),
        created_at: z.string(),
        kind: z.string(),
        reason: z.string().nullable(),
        by: z.string().nullable(),
      }),
    ),
    /** What the reader may do (policies/assessment.ts); the web shows its actions from it. */
    may: z.object({
      manage: z.boolean(),
      readAll: z.boolean(),
      rate: z.boolean(),
      propose: z.boolean(),
      /** Codes of the units the reader proposes 加分/减分 for. */
      proposeFor: z.array(z.string()),
      publish: z.boolean(),
      decide: z.boolean(),
      correct: z.boolean(),
    }),
  })
  .meta({ id: 'Assessment' });

/** A unit's place in the assessment with its explanation (src/core/assessment.ts `AssessedUnit`). */
export const AssessedUnitView = mirrors<AssessedUnit>()(
  z
    .object({
      code: z.string(),
      name: z.string(),
      class: z.string(),
      className: z.string(),
      total: z.number(),
      rank: z.number(),
      grade: z.string(),
      vetoed: z.boolean(),
      red: z.number(),
      yellow: z.number(),
      flagPoints: z.number(),
      adjustmentPoints: z.number(),
      components: z.array(
        z.object({
          contestId: z.number(),
          title: z.string(),
          weight: z.number(),
          rounds: z.array(
            z.object({
              period: z.string(),
              rank: z.number(),
              total: z.number(),
              points: z.number(),
              flag: FlagColor.nullable(),
            }),
          ),
          points: z.number(),
          contribution: z.number(),
        }),
      ),
      ratings: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          weight: z.number(),
          count: z.number(),
          dropped: z.array(z.number()),
          mean: z.number(),
          points: z.number(),
          contribution: z.number(),
        }),
      ),
      adjustments: z.array(
        z.object({
          id: z.number().optional(),
          unit: z.string(),
          item: z.string(),
          points: z.number(),
          reason: z.string(),
          name: z.string(),
          kind: AdjustmentKind,
        }),
      ),
      lines: z.array(
        z.object({
          kind: z.enum(['flags', 'contest', 'veto', 'cap', 'adjustment', 'rating']),
          label: z.string(),
          detail: z.string(),
          points: z.number(),
        }),
      ),
    })
    .meta({ id: 'AssessedUnit' }),
);

export const MyRatingFormsView = z.object({
  items: z.array(
    z.object({
      component: z.string(),
      name: z.string(),
      max: z.number(),
      class: z.string(),
      className: z.string(),
      units: z.array(
        z.object({ code: z.string(), name: z.string(), score: z.number().nullable() }),
      ),
    }),
  ),
  total: z.number(),
  progress: z.array(
    z.object({
      count: z.number(),
      username: z.string(),
      display_name: z.string(),
      component: z.string(),
    }),
  ),
  open: z.boolean(),
});

export const SubmitRatingsView = z.object({
  component: z.string(),
  class: z.string(),
  count: z.number(),
});

export const ListAssessmentAdjustmentsView = z.object({
  items: z.array(
    z.object({
      itemName: z.string(),
      kind: AdjustmentKind,
      evidence: z.object({ name: z.string(), type: z.string() }).nullable(),
      id: z.number(),
      unit: z.string(),
      unitName: z.string(),
      item: z.string(),
      points: z.number(),
      reason: z.string(),
      state: z.enum(['pending', 'approved', 'rejected']),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decisionReason: z.string().nullable(),
    }),
  ),
  total: z.number(),
});

export const ProposeAdjustmentView = z.object({ id: z.number(), state: z.literal('pending') });

export const DecideAssessmentAdjustmentView = z.object({
  id: z.number(),
  state: z.enum(['approved', 'rejected']),
});

export const AttachAdjustmentEvidenceView = z.object({
  id: z.number(),
  evidence: z.object({ name: z.string(), type: z.string() }),
});

export const AssessmentResultsView = z.object({
  assessment: AssessmentView,
  items: z.array(AssessedUnitView),
  total: z.number(),
});
