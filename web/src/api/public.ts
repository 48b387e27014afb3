// The public site's data (DESIGN §1 公众): published results only, no sign-in, so a visitor's
// console shows no 401.
import type { Rubric } from '../../../src/core/rubric.ts';
import { apiGet, seg } from './client.ts';
import type { UnitResult } from './rounds.ts';
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

export interface PublicRoundSummary {
  id: number;
  period: string;
  periodLabel: string;
  revision: number;
  publishedAt: string;
}

export interface PublicContest {
  id: number;
  title: string;
  category: string;
  cadence: string;
  description: string | null;
  organizer: PublicUnitRef;
  participants: (PublicUnitRef & { group: string })[];
  rubricVersions: { version: number; publishedAt: string }[];
  rubric: Rubric | null;
  rounds: PublicRoundSummary[];
}

export interface PublicRevision {
  revision: number;
  reason: string | null;
  publishedAt: string;
}

export interface PracticeSummary {
  id: number;
  title: string;
  summary: string | null;
  unit: PublicUnitRef;
  contest: { id: number; title: string };
  roundId: number | null;
  publishedAt: string | null;
}

export interface PublicRound {
  round: PublicRoundSummary & {
    contest: { id: number; title: string; category: string };
    rubric: Rubric;
  };
  items: UnitResult[];
  total: number;
  revisions: PublicRevision[];
  /** The round's practices: the server sends unitId here, not always the unit itself. */
  practices: (Pick<PracticeSummary, 'id' | 'title' | 'summary'> &
    Partial<Pick<PracticeSummary, 'unit'>> & { unitId?: number })[];
}

export interface PublicFlagTally {
  unit: { id: number; code: string; name: string };
  red: number;
  yellow: number;
  contests: { id: number; title: string; category: string; red: number; yellow: number }[];
}

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

export interface Practice extends PracticeSummary {
  bodyHtml: string;
}

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
  version: (signal?: AbortSignal) => publicGet<{ version: string }>('/version', signal),
};
