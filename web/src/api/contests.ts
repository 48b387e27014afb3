import { apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Answer, Body, ItemOf } from './types.ts';
import type { Page } from './units.ts';

export { LONGHUBANG_CATEGORIES } from '../../../src/core/categories.ts';
export { CADENCES, type Cadence } from '../../../src/core/period.ts';
export { ROUND_STATES, type RoundState } from '../../../src/core/round-state.ts';

export const OTHER_CATEGORIES = ['基层党建', '乡村振兴'] as const;

export type ContestSummary = ItemOf<Answer<'/api/v1/contests', 'get'>>;

export type Participant = Contest['participants'][number];

export type RoundSummary = Contest['rounds'][number];

export type Contest = Answer<'/api/v1/contests/{id}', 'get'>;

export interface ListContestsParams {
  category?: string;
  organizer?: string;
  participant?: string;
  limit?: number;
}

export function listContests(
  params: ListContestsParams,
  signal?: AbortSignal,
): Promise<Page<ContestSummary>> {
  return apiGet<Page<ContestSummary>>('/contests', { query: { limit: 500, ...params }, signal });
}

export function getContest(id: number | string, signal?: AbortSignal): Promise<Contest> {
  return apiGet<Contest>(`/contests/${seg(id)}`, { signal });
}

export type CreateContestInput = Body<'/api/v1/contests', 'post'>;

export function createContest(input: CreateContestInput): Promise<Contest> {
  return apiPost<Contest>('/contests', input);
}

export function updateContest(
  id: number,
  input: Body<'/api/v1/contests/{id}', 'patch'>,
): Promise<Contest> {
  return apiPatch<Contest>(`/contests/${seg(id)}`, input);
}

export type RubricVersion = Answer<'/api/v1/contests/{id}/rubrics/{version}', 'get'>;

export function draftRubric(contestId: number, yaml: string): Promise<RubricVersion> {
  return apiPost<RubricVersion>(`/contests/${seg(contestId)}/rubrics`, { yaml });
}

export function publishRubric(contestId: number, version: number): Promise<RubricVersion> {
  return apiPost<RubricVersion>(`/contests/${seg(contestId)}/rubrics/${seg(version)}/publish`);
}

export function getRubric(
  contestId: number,
  version: number,
  signal?: AbortSignal,
): Promise<RubricVersion> {
  return apiGet<RubricVersion>(`/contests/${seg(contestId)}/rubrics/${seg(version)}`, { signal });
}

/** The published version in force: the highest published one. */
export function currentVersion(contest: Contest): number | undefined {
  const published = contest.rubricVersions.filter((v) => v.status === 'published');
  return published.length ? published.reduce((a, v) => Math.max(a, v.version), 0) : undefined;
}

// 三级联动 (DESIGN §2): a county template, the towns' contests made from it, side by side.

export type Linkage = Answer<'/api/v1/contests/{id}/linkage', 'get'>;
export type LinkageTown = Linkage['towns'][number];
export type LinkageVillage = Linkage['villages'][number];

export function getLinkage(id: number, period: string, signal?: AbortSignal): Promise<Linkage> {
  return apiGet<Linkage>(`/contests/${seg(id)}/linkage`, { query: { period }, signal });
}

/** A town runs the county's template among its villages; answers the town's new contest. */
export function instantiateTemplate(templateId: number, organizer: string): Promise<Contest> {
  return apiPost<Contest>(`/contests/${seg(templateId)}/instances`, { organizer });
}
