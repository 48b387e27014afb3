/** Response schemas of the practices routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';
import { listOf, UnitName } from './views.ts';

/** A practice (经验做法) as its organizer manages it, drafts included. */
export const PracticeView = z
  .object({
    id: z.number(),
    contestId: z.number(),
    roundId: z.number().nullable(),
    unitId: z.number(),
    title: z.string(),
    summary: z.string().nullable(),
    bodyHtml: z.string(),
    status: z.enum(['draft', 'published']),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'ManagedPractice' });

export const ListManagedPracticesView = listOf(PracticeView.extend({ unit: UnitName }));

export const UploadPracticeImageView = z.object({
  id: z.number(),
  url: z.string(),
  contentType: z.string(),
  size: z.number(),
});
