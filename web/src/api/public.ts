// The public site's data (DESIGN §1 公众): published results only, no sign-in, so a visitor's
// console shows no 401.

import { apiGet, seg } from './client.ts';
import type { Answer, ItemOf } from './types.ts';
import type { Page } from './units.ts';

export type PublicContestSummary = ItemOf<Answer<'/api/v1/public/contests', 'get'>>;

export type PublicRoundSummary = PublicContest['rounds'][number];

export type PublicContest = Answer<'/api/v1/public/contests/{id}', 'get'>;

export type PublicRevision = PublicRound['revisions'][number];

export type PracticeSummary = ItemOf<Answer<'/api/v1/public/practices', 'get'>>;

export type PublicRound = Answer<'/api/v1/public/rounds/{id}', 'get'>;

export type PublicFlagTally = ItemOf<Answer<'/api/v1/public/flags', 'get'>>;

export type UnitHistory = Answer<'/api/v1/public/units/{code}/history', 'get'>;

export type Practice = Answer<'/api/v1/public/practices/{id}', 'get'>;

/** A project the organizer chose to show; `investment` only when that was shown too. */
export type PublicProject = ItemOf<Answer<'/api/v1/public/projects', 'get'>>;

function publicGet<T>(path: string, signal?: AbortSignal, query?: Record<string, string | number>) {
  return apiGet<T>(`/public${path}`, { signal, ...(query ? { query } : {}) });
}

export const publicApi = {
  contests: (signal?: AbortSignal) => publicGet<Page<PublicContestSummary>>('/contests', signal),
  contest: (id: string | number, signal?: AbortSignal) =>
    publicGet<PublicContest>(`/contests/${seg(id)}`, signal),
  round: (id: string | number, signal?: AbortSignal) =>
    publicGet<PublicRound>(`/rounds/${seg(id)}`, signal),
  flags: (year: number, signal?: AbortSignal) =>
    publicGet<Page<PublicFlagTally>>('/flags', signal, { year }),
  unitHistory: (code: string, signal?: AbortSignal) =>
    publicGet<UnitHistory>(`/units/${seg(code)}/history`, signal),
  practices: (signal?: AbortSignal) => publicGet<Page<PracticeSummary>>('/practices', signal),
  practice: (id: string | number, signal?: AbortSignal) =>
    publicGet<Practice>(`/practices/${seg(id)}`, signal),
  projects: (signal?: AbortSignal) =>
    publicGet<Page<PublicProject>>('/projects', signal, { limit: 500 }),
  version: (signal?: AbortSignal) =>
    publicGet<Answer<'/api/v1/public/version', 'get'>>('/version', signal),
};
