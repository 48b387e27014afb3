/** Response schemas of the rounds routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

export const GetEntriesView = z.object({
  editable: z.object({
    recused: z.object({ units: z.array(z.string()), indicators: z.array(z.string()) }).optional(),
    units: z.union([z.array(z.string()), z.literal('all')]),
    indicators: z.array(z.string()),
  }),
  items: z.array(
    z.object({
      id: z.number(),
      unit: z.string(),
      unitId: z.number(),
      indicator: z.string(),
      value: z.number().nullable(),
      note: z.string().nullable(),
      version: z.number(),
      enteredAt: z.string(),
      editable: z.boolean(),
    }),
  ),
  total: z.number(),
  verifications: z.array(
    z.object({
      id: z.number(),
      entryId: z.number(),
      unit: z.string(),
      indicator: z.string(),
      kind: z.string(),
      checkedOn: z.string(),
      finding: z.string(),
      by: z.string(),
      createdAt: z.string(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.number(),
      entryId: z.number(),
      unit: z.string(),
      indicator: z.string(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      uploadedAt: z.string(),
    }),
  ),
});

export const GetRevisionsView = z.object({
  items: z.array(
    z.object({
      revision: z.number(),
      reason: z.string().nullable(),
      changes: z.unknown(),
      createdBy: z.number().nullable(),
      publishedAt: z.string(),
    }),
  ),
  total: z.number(),
});

export const CorrectRoundView = z.object({
  revision: z.number(),
  reason: z.string(),
  changes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      before: z.object({ total: z.number(), rank: z.number(), flag: z.string().nullable() }),
      after: z.object({ total: z.number(), rank: z.number(), flag: z.string().nullable() }),
    }),
  ),
});

export const RecordVerificationView = z.object({
  id: z.number(),
  entryId: z.number(),
  kind: z.string(),
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
