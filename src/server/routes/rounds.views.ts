/** Response schemas of the rounds routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { Verify } from '../../app/evidence.ts';

/** 日常考核 (daily) or 四不两直 (field_check), as recorded. */
const VerificationKind = Verify.shape.kind;

export const GetEntriesView = z.object({
  editable: z.object({
    recused: z.object({ units: z.array(z.string()), indicators: z.array(z.string()) }).optional(),
    units: z.union([z.array(z.string()), z.literal('all')]),
    indicators: z.array(z.string()),
  }),
  items: z.array(
    z
      .object({
        id: z.number(),
        unit: z.string(),
        unitId: z.number(),
        indicator: z.string(),
        value: z.number().nullable(),
        note: z.string().nullable(),
        version: z.number(),
        enteredAt: z.string(),
        editable: z.boolean(),
      })
      .meta({ id: 'Entry' }),
  ),
  total: z.number(),
  verifications: z.array(
    z
      .object({
        id: z.number(),
        entryId: z.number(),
        unit: z.string(),
        indicator: z.string(),
        kind: VerificationKind,
        checkedOn: z.string(),
        finding: z.string(),
        by: z.string(),
        createdAt: z.string(),
      })
      .meta({ id: 'Verification' }),
  ),
  evidence: z.array(
    z
      .object({
        id: z.number(),
        entryId: z.number(),
        unit: z.string(),
        indicator: z.string(),
        filename: z.string(),
        contentType: z.string(),
        size: z.number(),
        uploadedAt: z.string(),
      })
      .meta({ id: 'Evidence' }),
  ),
});

/** One unit's total, rank and flag before and after a correction (src/app/corrections.ts). */
const UnitChange = z
  .object({
    code: z.string(),
    name: z.string(),
    before: z.object({ total: z.number(), rank: z.number(), flag: z.string().nullable() }),
    after: z.object({ total: z.number(), rank: z.number(), flag: z.string().nullable() }),
  })
  .meta({ id: 'UnitChange' });

export const GetRevisionsView = z.object({
  items: z.array(
    z.object({
      revision: z.number(),
      reason: z.string().nullable(),
      /** What the correction changed; null for the first publication. */
      changes: z.array(UnitChange).nullable(),
      createdBy: z.number().nullable(),
      publishedAt: z.string(),
    }),
  ),
  total: z.number(),
});

export const CorrectRoundView = z.object({
  revision: z.number(),
  reason: z.string(),
  changes: z.array(UnitChange),
});

export const RecordVerificationView = z.object({
  id: z.number(),
  entryId: z.number(),
  kind: VerificationKind,
  checkedOn: z.string(),
  finding: z.string(),
});

export const AttachEvidenceView = z.object({
  id: z.number(),
  entryId: z.number(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
});
