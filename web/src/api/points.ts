// Party-member points (党员积分, DESIGN §10) as the server presents them (src/app/points.ts,
// src/server/routes/points.routes.ts).
import { apiGet, apiPost, apiUrl, seg } from './client.ts';
import type { Page } from './units.ts';

export interface BranchAccess {
  read: boolean;
  record: boolean;
  review: boolean;
  manage: boolean;
}

/** A party branch (党支部) of a village or community, with what the user may do there. */
export interface Branch {
  id: number;
  unitId: number;
  name: string;
  unitName: string;
  unitCode: string;
  access: BranchAccess;
}

export type MemberStatus = 'active' | 'transferred_out';

export interface Member {
  id: number;
  branchId: number;
  name: string;
  gender: string;
  birthYear: number;
  joinedOn: string;
  status: MemberStatus;
  transferredInOn: string | null;
  transferredOutOn: string | null;
  userId: number | null;
}

export interface Rule {
  id: number;
  organizerUnitId: number;
  category: string;
  item: string;
  points: number;
  itemCap: number | null;
  categoryCap: number | null;
  active: boolean;
}

export type RecordStatus = 'pending' | 'approved' | 'rejected';

export interface PointsRecord {
  id: number;
  memberId: number;
  branchId: number;
  ruleId: number;
  points: number;
  occurredOn: string;
  note: string | null;
  hasEvidence: boolean;
  status: RecordStatus;
  /** Recorded after its quarter was frozen: a recorded revision. */
  revision: boolean;
  recordedBy: number | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
}

export interface QueueItem extends PointsRecord {
  memberName: string;
  category: string;
  item: string;
}

export type DisputeStatus = 'open' | 'upheld' | 'dismissed';

export interface Dispute {
  id: number;
  recordId: number;
  reason: string;
  status: DisputeStatus;
  answer: string | null;
  filedBy: number | null;
  answeredBy: number | null;
  filedAt: string;
  answeredAt: string | null;
}

export interface StatementLine extends PointsRecord {
  category: string;
  item: string;
  /** What the record counts after the yearly caps; 0 unless approved. */
  counted: number;
  clampedBy: 'item' | 'category' | null;
  disputes: Dispute[];
}

export interface Statement {
  member: Member;
  branch: { id: number; unitId: number; name: string };
  year: number;
  total: number;
  lines: StatementLine[];
}

export type PointsClass = 'vanguard' | 'qualified' | 'improve';

export interface BoardRow {
  rank: number;
  memberId: number;
  name: string;
  branchId: number;
  branchName: string;
  total: number;
  awarded: number;
  deducted: number;
  /** Quarters only. */
  pointsClass: PointsClass | null;
}

export interface Leaderboard {
  scope: { id: number; code: string; name: string };
  period: string;
  total: number;
  rows: BoardRow[];
}

export interface PublicBoardRow {
  rank: number;
  /** Masked: 张*明. */
  name: string;
  branch: string;
  total: number;
  pointsClass: PointsClass | null;
}

export interface PublicLeaderboard {
  scope: { code: string; name: string };
  period: string;
  rows: PublicBoardRow[];
}

export interface NewMember {
  name: string;
  gender: '男' | '女';
  birthYear: number;
  joinedOn: string;
  transferredInOn?: string | null;
}

export interface NewRecord {
  member: number;
  rule: number;
  occurredOn: string;
  note?: string | null;
}

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
  return apiPost<{ recordId: number; contentType: string; size: number }>(
    `/points/records/${seg(record)}/evidence`,
    form,
  );
}

export function recordEvidenceUrl(record: number): string {
  return apiUrl(`/points/records/${seg(record)}/evidence`);
}

// ---- star households (星级文明户) ----

export type ClaimStage = 'claimed' | 'reviewed' | 'checked' | 'filed' | 'rejected' | 'revoked';
export type StarResults = Record<string, 'pass' | 'fail'>;

export interface Star {
  id: number;
  organizerUnitId: number;
  name: string;
  criteria: string;
  active: boolean;
}

export interface Household {
  id: number;
  unitId: number;
  headName: string;
  groupName: string | null;
  size: number | null;
  barredUntil: string | null;
}

export interface Claim {
  id: number;
  householdId: number;
  year: number;
  stars: number[];
  stage: ClaimStage;
  results: StarResults | null;
  awarded: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimStep {
  id: number;
  claimId: number;
  step: 'claim' | 'villagers' | 'committee' | 'filing' | 'yearly_review' | 'revoke';
  results: StarResults | null;
  note: string | null;
  userId: number | null;
  at: string;
}

export interface HouseholdDetail {
  household: Household;
  stars: Star[];
  claims: (Claim & { steps: ClaimStep[] })[];
}

export function listHouseholds(unit: string, signal?: AbortSignal) {
  return apiGet<Page<Household & { latest: Claim | null }>>('/households', {
    query: { unit },
    signal,
  });
}

export function addHousehold(body: {
  unit: string;
  headName: string;
  groupName?: string | null;
  size?: number | null;
}) {
  return apiPost<Household>('/households', body);
}

export function getHousehold(id: number, signal?: AbortSignal) {
  return apiGet<HouseholdDetail>(`/households/${seg(id)}`, { signal });
}

export function claimStars(household: number, body: { year: number; stars: number[] }) {
  return apiPost<Claim>(`/households/${seg(household)}/stars`, body);
}

export function claimStep(
  household: number,
  body: {
    year: number;
    step: 'villagers' | 'committee' | 'filing';
    results: StarResults;
    note?: string | null;
  },
) {
  return apiPost<Claim>(`/households/${seg(household)}/steps`, body);
}

export function revokeStars(household: number, reason: string) {
  return apiPost<{ household: Household; claim: Claim }>(`/households/${seg(household)}/revoke`, {
    reason,
  });
}

// ---- points market (积分超市) ----

export interface MarketItem {
  id: number;
  unitId: number;
  name: string;
  cost: number;
  stock: number;
  active: boolean;
}

export interface Redemption {
  id: number;
  memberId: number;
  itemId: number;
  quantity: number;
  points: number;
  redeemedOn: string;
  recordedBy: number | null;
  createdAt: string;
}

export interface Balance {
  memberId: number;
  earned: number;
  spent: number;
  balance: number;
  redemptions: Redemption[];
}

export function listMarket(unit: string, signal?: AbortSignal) {
  return apiGet<Page<MarketItem>>('/points/market', { query: { unit }, signal });
}

export function addMarketItem(body: { unit: string; name: string; cost: number; stock: number }) {
  return apiPost<MarketItem>('/points/market/items', body);
}

export function changeStock(item: number, add: number, note?: string) {
  return apiPost<MarketItem>(`/points/market/items/${seg(item)}/stock`, {
    add,
    ...(note ? { note } : {}),
  });
}

export function redeemItem(body: { member: number; item: number; quantity: number }) {
  return apiPost<{ redemption: Redemption; balance: number; stock: number }>(
    '/points/market/redemptions',
    body,
  );
}

export function getBalance(member: number, signal?: AbortSignal) {
  return apiGet<Balance>(`/points/members/${seg(member)}/balance`, { signal });
}
