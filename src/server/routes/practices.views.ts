/** Response schemas of the practices routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

export const ListManagedPracticesView = z.object({
  items: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: z.string() }),
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
    }),
  ),
  total: z.number(),
});

export const CreatePracticeView = z.object({
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
});

export const UploadPracticeImageView = z.object({
  id: z.number(),
  url: z.string(),
  contentType: z.string(),
  size: z.number(),
});
