import type { Rubric } from '../../../src/core/rubric.ts';
import { apiGet, apiPost, apiPut, seg } from './client.ts';
import type { RoundState } from './contests.ts';
import type { Page } from './units.ts';

export interface Round {
  id: number;
  contest: { id: number; title: string; category: string; cadence: string };
  period: string;
  periodLabel: string;
  state: RoundState;
  stateName: string;
  nextStates: RoundState[];
  deadline: string | null;
  revision: number;
  rubricVersion: number;
  rubric: Rubric;
  publishedAt: string | null;
  /** What the signed-in user may do here: manage it, score these indicators, report for a unit. */
  may?: { manage: boolean; evaluates: string[]; reportsFor: string | null };
}

export function openRound(
  contestId: number,
  input: { period: string; deadline?: string },
): Promise<Round> {
  return apiPost<Round>(`/contests/${seg(contestId)}/rounds`, input);
}

export function getRound(id: number | string, signal?: AbortSignal): Promise<Round> {
  return apiGet<Round>(`/rounds/${seg(id)}`, { signal });
}

export function transitionRound(id: number, to: RoundState): Promise<Round> {
  return apiPost<Round>(`/rounds/${seg(id)}/transition`, { to });
}

export interface Entry {
  id: number;
  unit: string;
  unitId: number;
  indicator: string;
  value: number | null;
  note: string | null;
  version: number;
  enteredAt: string;
  editable: boolean;
}

export interface Verification {
  id: number;
  entryId: number;
  unit: string;
  indicator: string;
  kind: 'daily' | 'field_check';
  checkedOn: string;
  finding: string;
  by: string;
  createdAt: string;
}

export interface Evidence {
  id: number;
  entryId: number;
  unit: string;
  indicator: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface Entries {
  items: Entry[];
  total: number;
  /** The cells the user may fill: these units (codes, or all) × these indicators. */
  editable: { units: 'all' | string[]; indicators: string[] };
  verifications: Verification[];
  evidence: Evidence[];
}

export function getEntries(roundId: number, signal?: AbortSignal): Promise<Entries> {
  return apiGet<Entries>(`/rounds/${seg(roundId)}/entries`, { signal });
}

export interface EntryWrite {
  unit: string;
  indicator: string;
  value: number | boolean | null;
  note?: string | null;
  /** The version read; 0 for a cell not entered yet. */
  version: number;
}

/** One refused item of a batch. */
export interface EntryProblem {
  index: number;
  unit: string;
  indicator: string;
  code: string;
  message: string;
}

export function saveEntries(roundId: number, items: EntryWrite[]): Promise<{ saved: number }> {
  return apiPut(`/rounds/${seg(roundId)}/entries`, items);
}

export function recordVerification(
  roundId: number,
  input: {
    unit: string;
    indicator: string;
    kind: 'daily' | 'field_check';
    date: string;
    finding: string;
  },
): Promise<unknown> {
  return apiPost(`/rounds/${seg(roundId)}/verifications`, input);
}

export function uploadEvidence(
  roundId: number,
  unit: string,
  indicator: string,
  file: File,
): Promise<{ id: number; filename: string }> {
  // The server reads the fields before the file: append them first.
  const form = new FormData();
  form.append('unit', unit);
  form.append('indicator', indicator);
  form.append('file', file, file.name);
  return apiPost(`/rounds/${seg(roundId)}/evidence`, form);
}

export function evidenceUrl(id: number): string {
  return `/api/v1/evidence/${seg(id)}`;
}

export interface IndicatorCell {
  value: number | null;
  score: number | null;
  rank: number | null;
}

export interface UnitResult {
  code: string;
  name: string;
  group: string;
  total: number;
  rank: number;
  overallRank: number;
  flag: 'red' | 'yellow' | null;
  vetoed: boolean;
  missing: string[];
  indicators: Record<string, IndicatorCell>;
  previousRank: number | null;
  /** Positive = moved up. */
  rankChange: number | null;
  totalChange: number | null;
  gapToNext: number | null;
  gapToRed: number | null;
}

export interface Results {
  roundId: number;
  period: string;
  state: RoundState;
  revision: number;
  items: UnitResult[];
  total: number;
}

export function getResults(
  roundId: number | string,
  revision?: number,
  signal?: AbortSignal,
): Promise<Results> {
  return apiGet<Results>(`/rounds/${seg(roundId)}/results`, { query: { revision }, signal });
}

export interface Revision {
  revision: number;
  reason: string | null;
  changes: unknown;
  createdBy: number | null;
  publishedAt: string;
}

export function getRevisions(roundId: number, signal?: AbortSignal): Promise<Page<Revision>> {
  return apiGet<Page<Revision>>(`/rounds/${seg(roundId)}/revisions`, { signal });
}

export interface Appeal {
  id: number;
  roundId: number;
  unitId: number;
  indicator: string;
  reason: string;
  filedBy: number | null;
  filedAt: string;
  status: 'pending' | 'upheld' | 'rejected';
  oldValue: number | null;
  newValue: number | null;
  decisionReason: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

export function getAppeals(roundId: number, signal?: AbortSignal): Promise<Page<Appeal>> {
  return apiGet<Page<Appeal>>(`/rounds/${seg(roundId)}/appeals`, { signal });
}

export function fileAppeal(
  roundId: number,
  input: { unit: string; indicator: string; reason: string },
): Promise<Appeal> {
  return apiPost<Appeal>(`/rounds/${seg(roundId)}/appeals`, input);
}

export function decideAppeal(
  appealId: number,
  input: { decision: 'upheld' | 'rejected'; value?: number | boolean | null; reason: string },
): Promise<Appeal> {
  return apiPost<Appeal>(`/appeals/${seg(appealId)}/decision`, input);
}

/** One unit's total, rank and flag before and after a correction. */
export interface CorrectionChange {
  code: string;
  name: string;
  before: { total: number; rank: number; flag: string | null };
  after: { total: number; rank: number; flag: string | null };
}

/** 更正: new values for cells of a published round, with a reason; a new revision is published. */
export function correctRound(
  roundId: number,
  input: {
    reason: string;
    entries: { unit: string; indicator: string; value: number | boolean | null }[];
  },
): Promise<{ revision: number; reason: string; changes: CorrectionChange[] }> {
  return apiPost(`/rounds/${seg(roundId)}/corrections`, input);
}
