// 经验做法 (DESIGN §2) as their organizers see them: drafts included, written and published here.
import { apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Answer, Body } from './types.ts';
import type { Page } from './units.ts';

export type ManagedPractice = Answer<'/api/v1/practices/{id}', 'patch'>;

/** A practice's fields; its contest is given apart (createPractice). */
export type PracticeInput = Omit<Body<'/api/v1/practices', 'post'>, 'contest'>;

/** Largest image the server takes (src/app/practices.ts IMAGE_MAX_BYTES). */
export const PRACTICE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const PRACTICE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function listPractices(
  contestId: number,
  signal?: AbortSignal,
): Promise<Page<ManagedPractice>> {
  return apiGet<Page<ManagedPractice>>('/practices', {
    query: { contest: contestId, limit: 200 },
    signal,
  });
}

export function createPractice(contestId: number, input: PracticeInput): Promise<ManagedPractice> {
  return apiPost<ManagedPractice>('/practices', { contest: contestId, ...input });
}

export function updatePractice(
  id: number,
  changes: Body<'/api/v1/practices/{id}', 'patch'>,
): Promise<ManagedPractice> {
  return apiPatch<ManagedPractice>(`/practices/${seg(id)}`, changes);
}

export function setPracticePublished(id: number, published: boolean): Promise<ManagedPractice> {
  return apiPost<ManagedPractice>(`/practices/${seg(id)}/${published ? 'publish' : 'withdraw'}`);
}

export function uploadPracticeImage(
  file: File,
): Promise<Answer<'/api/v1/practice-images', 'post'>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost('/practice-images', form);
}
