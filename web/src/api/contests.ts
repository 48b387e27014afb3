import type { Rubric } from '../../../src/core/rubric.ts';
import { apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Page, UnitKind, UnitPathItem } from './units.ts';

export const CADENCES = ['week', 'month', 'quarter', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

/** The 龙虎榜's six categories (DESIGN §2), then the others a county commonly runs. */
export const LONGHUBANG_CATEGORIES = [
  '七项战略行动',
  '重点工业项目',
  '两城同建',
  '保障类',
  '社会工作',
  '建设秀美新沂水',
] as const;
export const OTHER_CATEGORIES = ['基层党建', '乡村振兴'] as const;

export interface ContestSummary {
  id: number;
  title: string;
  category: string;
  cadence: Cadence;
  /** More cadences the contest also runs (a monthly contest's weekly bulletin, say). */
  extraCadences?: Cadence[];
  /** A county template (三级联动) that towns run among their villages. */
  isTemplate: boolean;
  /** The county template this town's contest follows, if any. */
  templateId: number | null;
  description: string | null;
  createdAt: string;
  organizer: UnitPathItem;
}

export interface Participant {
  id: number;
  code: string;
  name: string;
  kind: string;
  /** '' when the contest has no groups. */
  group: string;
}

export interface RoundSummary {
  id: number;
  period: string;
  state: RoundState;
  revision: number;
  deadline: string | null;
}

export interface Contest extends ContestSummary {
  participants: Participant[];
  groups: string[];
  /** The lead office (牵头责任科室) of each indicator; the organizer leads the others. */
  evaluators: Record<string, UnitPathItem>;
  rubricVersions: { version: number; status: 'draft' | 'published'; publishedAt: string | null }[];
  rounds: RoundSummary[];
}

export const ROUND_STATES = ['draft', 'collecting', 'reviewing', 'notice', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

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

export interface CreateContestInput {
  title: string;
  category: string;
  organizer: string;
  cadence: Cadence;
  description?: string;
  participants: string[] | { under: string; kinds: UnitKind[] };
  groups?: Record<string, string> | 'kind';
  evaluators?: Record<string, string>;
}

export function createContest(input: CreateContestInput): Promise<Contest> {
  return apiPost<Contest>('/contests', input);
}

export function updateContest(id: number, input: Partial<CreateContestInput>): Promise<Contest> {
  return apiPatch<Contest>(`/contests/${seg(id)}`, input);
}

export interface RubricVersion {
  contestId: number;
  version: number;
  status: 'draft' | 'published';
  rubric: Rubric;
  source: string;
  createdAt: string;
  publishedAt: string | null;
}

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

export interface LinkageTown {
  town: { code: string; name: string };
  /** The town's contest made from the template; null when the town has not started (未开展). */
  contestId: number | null;
  started: boolean;
  round: { id: number; state: RoundState; revision: number } | null;
  participants: number;
  /** The mean total of the town's villages in a published round; null otherwise. */
  meanTotal: number | null;
  red: number;
  yellow: number;
  best: { code: string; name: string; total: number } | null;
}

export interface LinkageVillage {
  code: string;
  name: string;
  /** The town's name. */
  town: string;
  total: number;
  townRank: number;
  countyRank: number;
  flag: 'red' | 'yellow' | null;
  vetoed?: boolean;
}

export interface Linkage {
  template: { id: number; title: string };
  period: string;
  periodLabel: string;
  towns: LinkageTown[];
  villages: LinkageVillage[];
}

export function getLinkage(id: number, period: string, signal?: AbortSignal): Promise<Linkage> {
  return apiGet<Linkage>(`/contests/${seg(id)}/linkage`, { query: { period }, signal });
}

/** A town runs the county's template among its villages; answers the town's new contest. */
export function instantiateTemplate(templateId: number, organizer: string): Promise<Contest> {
  return apiPost<Contest>(`/contests/${seg(templateId)}/instances`, { organizer });
}
