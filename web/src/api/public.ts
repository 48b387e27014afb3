// The public site's data (DESIGN §1 公众): published results only, no sign-in, so a visitor's
// console shows no 401.

import { apiGet, seg } from './client.ts';
import type { Answer, ItemOf } from './types.ts';
import type { Page } from './units.ts';

export interface PublicUnitRef {
  code: string;
  name: string;
}

export interface PublicContestSummary {
  id: number;
  title: string;
  category: string;
  cadence: string;
  organizer: PublicUnitRef;
  rounds: number;
  latestRound: { id: number; period: string; periodLabel: string; publishedAt: string } | null;
}

export type PublicRoundSummary = PublicContest['rounds'][number];

export type PublicContest = Answer<'/api/v1/public/contests/{id}', 'get'>;

export type PublicRevision = PublicRound['revisions'][number];

export type PracticeSummary = ItemOf<Answer<'/api/v1/public/practices', 'get'>>;

export type PublicRound = Answer<'/api/v1/public/rounds/{id}', 'get'>;

export type PublicFlagTally = ItemOf<Answer<'/api/v1/public/flags', 'get'>>;

export interface UnitHistory {
  unit: { code: string; name: string; kind: string };
  items: {
    roundId: number;
    contest: { id: number; title: string };
    period: string;
    periodLabel: string;
    total: number;
    rank: number;
    flag: 'red' | 'yellow' | null;
    rankChange: number | null;
  }[];
}

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
  version: (signal?: AbortSignal) => publicGet<{ version: string }>('/version', signal),
};
