// Party-member points (党员积分, DESIGN §10) as the server presents them (src/app/points.ts,
// src/server/routes/points.routes.ts).
import { apiGet, apiPost, apiUrl, seg } from './client.ts';
import type { Answer, Body, Schema } from './types.ts';
import type { Page } from './units.ts';

/** A party branch (党支部) of a village or community, with what the user may do there. */
export type Branch = Schema<'Branch'>;

export type Member = Schema<'Member'>;
export type MemberStatus = Member['status'];

export type Rule = Schema<'Rule'>;

export type PointsRecord = Schema<'PointsRecord'>;
export type RecordStatus = PointsRecord['status'];

export type QueueItem = Schema<'QueueItem'>;

export type Dispute = Schema<'Dispute'>;
export type DisputeStatus = Dispute['status'];

export type StatementLine = Schema<'StatementLine'>;

export type Statement = Answer<'/api/v1/points/members/{id}/statement', 'get'>;

export type PointsClass = Schema<'PointsClass'>;

export type Leaderboard = Answer<'/api/v1/points/leaderboard', 'get'>;
export type BoardRow = Leaderboard['rows'][number];

export type PublicLeaderboard = Answer<'/api/v1/public/points/leaderboard', 'get'>;
export type PublicBoardRow = PublicLeaderboard['rows'][number];

export type NewMember = Body<'/api/v1/points/branches/{id}/members', 'post'>;

export type NewRecord = Body<'/api/v1/points/records', 'post'>;

export function listBranches(under?: string, signal?: AbortSignal) {
  return apiGet<Branch[]>('/points/branches', { query: { under }, signal });
}

export function listMembers(branch: number, signal?: AbortSignal) {
  return apiGet<Member[]>(`/points/branches/${seg(branch)}/members`, { signal });
}

export function addMember(branch: number, member: NewMember) {
  return apiPost<Member>(`/points/branches/${seg(branch)}/members`, member);
}

export function transferOut(member: number, on: string) {
  return apiPost<Member>(`/points/members/${seg(member)}/transfer-out`, { on });
}

export function listRules(branch: number, signal?: AbortSignal) {
  return apiGet<Rule[]>(`/points/branches/${seg(branch)}/rules`, { signal });
}

export function reviewQueue(branch: number, signal?: AbortSignal) {
  return apiGet<QueueItem[]>(`/points/branches/${seg(branch)}/queue`, { signal });
}

export function createRecord(record: NewRecord) {
  return apiPost<PointsRecord>('/points/records', record);
}

export function reviewRecord(id: number, decision: 'approve' | 'reject', note?: string) {
  return apiPost<PointsRecord>(`/points/records/${seg(id)}/review`, {
    decision,
    ...(note ? { note } : {}),
  });
}

export function fileDispute(record: number, reason: string) {
  return apiPost<Dispute>(`/points/records/${seg(record)}/disputes`, { reason });
}

export function answerDispute(id: number, decision: 'upheld' | 'dismissed', answer: string) {
  return apiPost<Dispute>(`/points/disputes/${seg(id)}/answer`, { decision, answer });
}

export function getStatement(member: number | string, year: number, signal?: AbortSignal) {
  return apiGet<Statement>(`/points/members/${seg(member)}/statement`, {
    query: { year },
    signal,
  });
}

export function getLeaderboard(scope: string, period: string, signal?: AbortSignal) {
  return apiGet<Leaderboard>('/points/leaderboard', {
    query: { scope, period, limit: 1000 },
    signal,
  });
}

export function getPublicLeaderboard(scope: string, period: string, signal?: AbortSignal) {
  return apiGet<PublicLeaderboard>('/public/points/leaderboard', {
    query: { scope, period, limit: 200 },
    signal,
  });
}

// ---- evidence on records ----

/** Attaches a photo (or PDF) to a pending record; its recorder only. */
export function uploadRecordEvidence(record: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiPost<Answer<'/api/v1/points/records/{id}/evidence', 'post'>>(
    `/points/records/${seg(record)}/evidence`,
    form,
  );
}

export function recordEvidenceUrl(record: number): string {
  return apiUrl(`/points/records/${seg(record)}/evidence`);
}

// ---- star households (星级文明户) ----

export type Star = Schema<'Star'>;

export type Household = Schema<'Household'>;

export type Claim = Schema<'Claim'>;
export type ClaimStage = Claim['stage'];
export type StarResults = NonNullable<Claim['results']>;

export type ClaimStep = Schema<'ClaimStep'>;

export type HouseholdDetail = Answer<'/api/v1/households/{id}', 'get'>;

export function listHouseholds(unit: string, signal?: AbortSignal) {
  return apiGet<Answer<'/api/v1/households', 'get'>>('/households', {
    query: { unit },
    signal,
  });
}

export function addHousehold(body: Body<'/api/v1/households', 'post'>) {
  return apiPost<Household>('/households', body);
}

export function getHousehold(id: number, signal?: AbortSignal) {
  return apiGet<HouseholdDetail>(`/households/${seg(id)}`, { signal });
}

export function claimStars(household: number, body: Body<'/api/v1/households/{id}/stars', 'post'>) {
  return apiPost<Claim>(`/households/${seg(household)}/stars`, body);
}

export function claimStep(household: number, body: Body<'/api/v1/households/{id}/steps', 'post'>) {
  return apiPost<Claim>(`/households/${seg(household)}/steps`, body);
}

export function revokeStars(household: number, reason: string) {
  return apiPost<Answer<'/api/v1/households/{id}/revoke', 'post'>>(
    `/households/${seg(household)}/revoke`,
    {
      reason,
    },
  );
}

// ---- points market (积分超市) ----

export type MarketItem = Schema<'MarketItem'>;

export type Redemption = Schema<'Redemption'>;

export type Balance = Answer<'/api/v1/points/members/{id}/balance', 'get'>;

export function listMarket(unit: string, signal?: AbortSignal) {
  return apiGet<Page<MarketItem>>('/points/market', { query: { unit }, signal });
}

export function addMarketItem(body: Body<'/api/v1/points/market/items', 'post'>) {
  return apiPost<MarketItem>('/points/market/items', body);
}

export function changeStock(item: number, add: number, note?: string) {
  return apiPost<MarketItem>(`/points/market/items/${seg(item)}/stock`, {
    add,
    ...(note ? { note } : {}),
  });
}

export function redeemItem(body: Body<'/api/v1/points/market/redemptions', 'post'>) {
  return apiPost<Answer<'/api/v1/points/market/redemptions', 'post'>>(
    '/points/market/redemptions',
    body,
  );
}

export function getBalance(member: number, signal?: AbortSignal) {
  return apiGet<Balance>(`/points/members/${seg(member)}/balance`, { signal });
}
