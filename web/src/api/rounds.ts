import { apiGet, apiPost, apiPut, seg } from './client.ts';
import type { RoundState } from './contests.ts';
import type { Answer, ItemOf } from './types.ts';
import type { Page } from './units.ts';

export type Round = Answer<'/api/v1/rounds/{id}', 'get'>;

export function openRound(
  contestId: number,
  input: { period: string; deadline?: string },
): Promise<Round> {
  return apiPost<Round>(`/contests/${seg(contestId)}/rounds`, input);
}

export function getRound(id: number | string, signal?: AbortSignal): Promise<Round> {
  return apiGet<Round>(`/rounds/${seg(id)}`, { signal });
}

/** Moves a round on; publishing before its notice ends needs a reason (DESIGN §2). */
export function transitionRound(id: number, to: RoundState, reason?: string): Promise<Round> {
  return apiPost<Round>(`/rounds/${seg(id)}/transition`, reason ? { to, reason } : { to });
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

export type IndicatorCell = UnitResult['indicators'][string];

export type UnitResult = Results['items'][number];

export type Results = Answer<'/api/v1/rounds/{id}/results', 'get'>;

export function getResults(
  roundId: number | string,
  revision?: number,
  signal?: AbortSignal,
): Promise<Results> {
  return apiGet<Results>(`/rounds/${seg(roundId)}/results`, { query: { revision }, signal });
}

export type Revision = ItemOf<Answer<'/api/v1/rounds/{id}/revisions', 'get'>>;

export function getRevisions(roundId: number, signal?: AbortSignal): Promise<Page<Revision>> {
  return apiGet<Page<Revision>>(`/rounds/${seg(roundId)}/revisions`, { signal });
}

export type Appeal = ItemOf<Answer<'/api/v1/rounds/{id}/appeals', 'get'>>;

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
