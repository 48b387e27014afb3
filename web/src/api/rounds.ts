import { apiGet, apiPost, apiPut, seg } from './client.ts';
import type { RoundState } from './contests.ts';
import type { Answer, Body, ItemOf, Schema } from './types.ts';
import type { Page } from './units.ts';

export type Round = Answer<'/api/v1/rounds/{id}', 'get'>;

export function openRound(
  contestId: number,
  input: Body<'/api/v1/contests/{id}/rounds', 'post'>,
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

export type Entry = Schema<'Entry'>;

export type Verification = Schema<'Verification'>;

export type Evidence = Schema<'Evidence'>;

/** A round's cells, with the ones the user may fill (these units, or all, × these indicators). */
export type Entries = Answer<'/api/v1/rounds/{id}/entries', 'get'>;

export function getEntries(roundId: number, signal?: AbortSignal): Promise<Entries> {
  return apiGet<Entries>(`/rounds/${seg(roundId)}/entries`, { signal });
}

/** One cell to save, with the version read (0 for a cell not entered yet). */
export type EntryWrite = Body<'/api/v1/rounds/{id}/entries', 'put'>[number];

/** One refused item of a batch (the error's details.problems). */
export type EntryProblem = Required<
  Pick<Schema<'Problem'>, 'index' | 'unit' | 'indicator' | 'code' | 'message'>
>;

export function saveEntries(
  roundId: number,
  items: EntryWrite[],
): Promise<Answer<'/api/v1/rounds/{id}/entries', 'put'>> {
  return apiPut(`/rounds/${seg(roundId)}/entries`, items);
}

export function recordVerification(
  roundId: number,
  input: Body<'/api/v1/rounds/{id}/verifications', 'post'>,
): Promise<Answer<'/api/v1/rounds/{id}/verifications', 'post'>> {
  return apiPost(`/rounds/${seg(roundId)}/verifications`, input);
}

export function uploadEvidence(
  roundId: number,
  unit: string,
  indicator: string,
  file: File,
): Promise<Answer<'/api/v1/rounds/{id}/evidence', 'post'>> {
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
  input: Body<'/api/v1/rounds/{id}/appeals', 'post'>,
): Promise<Appeal> {
  return apiPost<Appeal>(`/rounds/${seg(roundId)}/appeals`, input);
}

export function decideAppeal(
  appealId: number,
  input: Body<'/api/v1/appeals/{id}/decision', 'post'>,
): Promise<Appeal> {
  return apiPost<Appeal>(`/appeals/${seg(appealId)}/decision`, input);
}

/** One unit's total, rank and flag before and after a correction. */
export type CorrectionChange = Schema<'UnitChange'>;

/** 更正: new values for cells of a published round, with a reason; a new revision is published. */
export function correctRound(
  roundId: number,
  input: Body<'/api/v1/rounds/{id}/corrections', 'post'>,
): Promise<Answer<'/api/v1/rounds/{id}/corrections', 'post'>> {
  return apiPost(`/rounds/${seg(roundId)}/corrections`, input);
}
