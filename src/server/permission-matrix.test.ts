/**
 * Every endpoint × every role × (inside / outside the actor's subtree) → the status it must get.
 * The actors all belong to 黄山铺镇; "inside" targets lie in 黄山铺镇, "outside" ones in 杨庄镇.
 * An endpoint added without a row here fails the first test.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { fileAppeal } from '../app/appeals.ts';
import {
  attachAdjustmentEvidence,
  createAssessment,
  proposeAdjustment,
  publishAssessment,
} from '../app/assessments.ts';
import { createContest } from '../app/contests.ts';
import type { AppContext } from '../app/context.ts';
import { saveEntries } from '../app/entries.ts';
import { attachEvidence } from '../app/evidence.ts';
import { claimStars, claimStep, createHousehold, createStar } from '../app/households.ts';
import {
  addMember,
  attachRecordEvidence,
  createBranch,
  createRecord,
  createRule,
  fileDispute,
} from '../app/points.ts';
import { createItem } from '../app/points-market.ts';
import { ledgerSettings } from '../app/policies/ledger.ts';
import { createPractice, uploadPracticeImage } from '../app/practices.ts';
import { actOnProblem, raiseProblem } from '../app/problems.ts';
import { addMilestone, createProject } from '../app/projects.ts';
import { listRectificationsFor } from '../app/rectifications.ts';
import { openRound, transitionRound } from '../app/rounds.ts';
import { draftRubric, publishRubric } from '../app/rubrics.ts';
import { createSeries } from '../app/series.ts';
import { createToken, createUser } from '../app/users.ts';
import { loadConfig } from '../config.ts';
import { ROLES, type Role } from '../core/permissions.ts';
import type { RoundState } from '../core/round-state.ts';
import { findBranchByUnit } from '../db/points.repository.ts';

type Actor = Role | 'anonymous';
const ACTORS: Actor[] = [...ROLES, 'anonymous'];
type Expect = Record<Actor, number>;

const all = (status: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
const adminOnly = (status: number): Expect => ({ ...all(403), admin: status, anonymous: 401 });
const nobody: Expect = { ...all(403), anonymous: 401 };
/** The matrix runs twice: 三权分立 off (today's behaviour) and on (issue 19). */
let separation = false;
/** Without separation an admin also acts as security admin and auditor (core effectiveRoles). */
const secadminOnly = (status: number): Expect =>
  separation ? { ...nobody, secadmin: status } : { ...nobody, admin: status, secadmin: status };
const auditorOnly = (status: number): Expect =>
  separation ? { ...nobody, auditor: status } : { ...nobody, admin: status, auditor: status };
const userReaders = (status: number): Expect => ({ ...nobody, admin: status, secadmin: status });

interface Row {
  route: string;
  inside: (n: number, actor: Actor) => InjectOptions;
  outside?: (n: number, actor: Actor) => InjectOptions;
  /** A function when the row depends on separation of duties (read as each run starts). */
  expect: RowExpect | (() => RowExpect);
}
interface RowExpect {
  inside: Expect;
  outside?: Expect;
}

/** What a contest run by a town looks like in the matrix: its rounds in every state. */
interface Fixture {
  contest: number;
  villages: string[];
  collecting: number;
  reviewing: number;
  notice: number;
  published: number;
  appeals: number[];
  evidence: number;
  practice: number;
  image: number;
  assessment: number;
  /** Per actor: a draft assessment to publish, and a pending adjustment to approve. */
  publishable: Record<Actor, number>;
  pending: Record<Actor, number>;
  /** A published assessment to correct; a pending adjustment with its evidence. */
  publishedAssessment: number;
  withEvidence: number;
  series: number;
  rectification: number;
}
/** A county template (三级联动) the towns may run among their villages. */
let template = 0;
const fx: Record<'in' | 'out', Fixture> = {} as never;

/** Organizers and admins manage; the town's evaluator leads every indicator (none is named). */
const manage = (status: number): Expect => ({ ...nobody, admin: status, organizer: status });
const manageOrLead = (status: number): Expect => ({ ...manage(status), evaluator: status });
const readers = (status: number): Expect => ({ ...manageOrLead(status), viewer: status });

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----leitai-matrix';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
const PDF = Buffer.from('%PDF-1.4\n% matrix evidence\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
// A fresh month for every call (2030-01, 2030-02, …): periods stay valid however many requests
// the table makes.
let months = 0;
const month = (_n: number) => {
  const k = months++;
  return `${2030 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};
const DECIDERS: Actor[] = ['admin', 'organizer', 'evaluator'];

const IN_TOWN = '371323104'; // 黄山铺镇
const IN_VILLAGE = '371323104276'; // 尧崖头村
const OUT_TOWN = '371323109'; // 杨庄镇
const tokenIds: Record<string, number> = {};

const ROWS: Row[] = [
  {
    route: 'GET /api/docs',
    inside: () => ({ url: '/api/docs' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/health',
    inside: () => ({ url: '/api/v1/health' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/units',
    inside: () => ({ url: `/api/v1/units?parent=${IN_TOWN}` }),
    outside: () => ({ url: `/api/v1/units?parent=${OUT_TOWN}` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'GET /api/v1/units/:id',
    inside: () => ({ url: `/api/v1/units/${IN_VILLAGE}` }),
    outside: () => ({ url: `/api/v1/units/${OUT_TOWN}` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'POST /api/v1/units',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: `m-in-${n}`, name: '合作社', kind: 'other', parent: IN_TOWN },
    }),
    outside: (n) => ({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: `m-out-${n}`, name: '合作社', kind: 'other', parent: OUT_TOWN },
    }),
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'PATCH /api/v1/units/:id',
    inside: () => ({
      method: 'PATCH',
      url: `/api/v1/units/${IN_VILLAGE}`,
      payload: { name: '尧崖头村' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: `/api/v1/units/${OUT_TOWN}`,
      payload: { name: '杨庄镇' },
    }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/session',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: `x-${n}`, password: 'y' },
    }),
    expect: { inside: all(401) },
  },
  {
    route: 'GET /api/v1/session',
    inside: () => ({ url: '/api/v1/session' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'DELETE /api/v1/session',
    inside: () => ({ method: 'DELETE', url: '/api/v1/session' }),
    expect: { inside: all(204) },
  },
  {
    route: 'POST /api/v1/session/password',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { current: 'not-it', next: 'long-enough-password' },
    }),
    expect: { inside: signedIn(400) },
  },
  {
    route: 'GET /api/v1/users',
    inside: () => ({ url: `/api/v1/users?unit=${IN_TOWN}` }),
    outside: () => ({ url: `/api/v1/users?unit=${OUT_TOWN}` }),
    expect: () => ({ inside: userReaders(200), outside: nobody }),
  },
  {
    route: 'POST /api/v1/users',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `in-${n}`, unit: IN_VILLAGE, roles: ['reporter'] },
    }),
    outside: (n) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `out-${n}`, unit: OUT_TOWN, roles: ['reporter'] },
    }),
    expect: () => ({ inside: secadminOnly(201), outside: nobody }),
  },
  {
    route: 'GET /api/v1/users/:id',
    inside: () => ({ url: '/api/v1/users/huangshanpu' }),
    outside: () => ({ url: '/api/v1/users/yangzhuang' }),
    expect: () => ({ inside: userReaders(200), outside: nobody }),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    inside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/huangshanpu',
      payload: { displayName: '黄山铺镇填报员' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/yangzhuang',
      payload: { displayName: 'x' },
    }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/users/:id/tokens',
    inside: () => ({ url: '/api/v1/users/huangshanpu/tokens' }),
    outside: () => ({ url: '/api/v1/users/yangzhuang/tokens' }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/users/:id/tokens',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/users/huangshanpu/tokens',
      payload: { name: 'x' },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/users/yangzhuang/tokens',
      payload: { name: 'x' },
    }),
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'DELETE /api/v1/users/:id/tokens/:tokenId',
    inside: () => ({
      method: 'DELETE',
      url: `/api/v1/users/huangshanpu/tokens/${tokenIds.huangshanpu}`,
    }),
    outside: () => ({
      method: 'DELETE',
      url: `/api/v1/users/yangzhuang/tokens/${tokenIds.yangzhuang}`,
    }),
    expect: { inside: adminOnly(204), outside: nobody },
  },
  {
    route: 'GET /api/v1/audit',
    inside: () => ({ url: '/api/v1/audit' }),
    expect: () => ({ inside: auditorOnly(200) }),
  },
  {
    route: 'GET /api/v1/audit/verify',
    inside: () => ({ url: '/api/v1/audit/verify' }),
    expect: () => ({ inside: auditorOnly(200) }),
  },
  {
    route: 'GET /api/v1/contests',
    // Anonymous users read through /public/* only (issue 12).
    inside: () => ({ url: '/api/v1/contests' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/contests',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '村级擂台',
        category: '乡村振兴',
        organizer: IN_TOWN,
        cadence: 'month',
        participants: [IN_VILLAGE],
      },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '村级擂台',
        category: '乡村振兴',
        organizer: OUT_TOWN,
        cadence: 'month',
        participants: { under: OUT_TOWN, kinds: ['village'] },
      },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/contests/:id',
    inside: () => ({ url: `/api/v1/contests/${fx.in.contest}` }),
    outside: () => ({ url: `/api/v1/contests/${fx.out.contest}` }),
    expect: { inside: signedIn(200), outside: signedIn(200) },
  },
  {
    route: 'PATCH /api/v1/contests/:id',
    inside: () => ({
      method: 'PATCH',
      url: `/api/v1/contests/${fx.in.contest}`,
      payload: { description: '说明' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: `/api/v1/contests/${fx.out.contest}`,
      payload: { description: '说明' },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/contests/:id/rubrics',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/contests/${fx.in.contest}/rubrics`,
      payload: { yaml: RUBRIC },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/contests/${fx.out.contest}/rubrics`,
      payload: { yaml: RUBRIC },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    // Version 1 is published already: those allowed get 409 (frozen), the others 403.
    route: 'POST /api/v1/contests/:id/rubrics/:version/publish',
    inside: () => ({ method: 'POST', url: `/api/v1/contests/${fx.in.contest}/rubrics/1/publish` }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/contests/${fx.out.contest}/rubrics/1/publish`,
    }),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    route: 'GET /api/v1/contests/:id/rubrics/:version',
    inside: () => ({ url: `/api/v1/contests/${fx.in.contest}/rubrics/1` }),
    outside: () => ({ url: `/api/v1/contests/${fx.out.contest}/rubrics/1` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'POST /api/v1/contests/:id/rounds',
    inside: (n) => ({
      method: 'POST',
      url: `/api/v1/contests/${fx.in.contest}/rounds`,
      payload: { period: month(n) },
    }),
    outside: (n) => ({
      method: 'POST',
      url: `/api/v1/contests/${fx.out.contest}/rounds`,
      payload: { period: month(n) },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.collecting}` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.collecting}` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    // From collecting straight to published is never allowed: 409 for those who may move rounds.
    route: 'POST /api/v1/rounds/:id/transition',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.collecting}/transition`,
      payload: { to: 'published' },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.collecting}/transition`,
      payload: { to: 'published' },
    }),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/entries',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.collecting}/entries` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.collecting}/entries` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'PUT /api/v1/rounds/:id/entries',
    inside: () => ({
      method: 'PUT',
      url: `/api/v1/rounds/${fx.in.collecting}/entries`,
      payload: [{ unit: fx.in.villages[0], indicator: 'A1', value: 50 }],
    }),
    outside: () => ({
      method: 'PUT',
      url: `/api/v1/rounds/${fx.out.collecting}/entries`,
      payload: [{ unit: fx.out.villages[0], indicator: 'A1', value: 50 }],
    }),
    expect: { inside: manageOrLead(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/results',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.reviewing}/results` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.reviewing}/results` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/revisions',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.published}/revisions` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.published}/revisions` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'POST /api/v1/rounds/:id/corrections',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.published}/corrections`,
      payload: {
        reason: '复核更正',
        entries: [{ unit: fx.in.villages[1], indicator: 'A1', value: 60 }],
      },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.published}/corrections`,
      payload: {
        reason: '复核更正',
        entries: [{ unit: fx.out.villages[1], indicator: 'A1', value: 60 }],
      },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/appeals',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.notice}/appeals` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.notice}/appeals` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/rounds/:id/appeals',
    inside: (n) => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.notice}/appeals`,
      payload: { unit: fx.in.villages[3 + (n % 10)], indicator: 'A1', reason: '申诉理由' },
    }),
    outside: (n) => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.notice}/appeals`,
      payload: { unit: fx.out.villages[3 + (n % 10)], indicator: 'A1', reason: '申诉理由' },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/appeals/:id/decision',
    inside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/appeals/${fx.in.appeals[Math.max(0, DECIDERS.indexOf(actor))]}/decision`,
      payload: { decision: 'rejected', reason: '经复核维持原评分' },
    }),
    outside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/appeals/${fx.out.appeals[Math.max(0, DECIDERS.indexOf(actor))]}/decision`,
      payload: { decision: 'rejected', reason: '经复核维持原评分' },
    }),
    expect: { inside: manageOrLead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/rounds/:id/verifications',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.collecting}/verifications`,
      payload: {
        unit: fx.in.villages[0],
        indicator: 'A1',
        kind: 'daily',
        date: '2026-06-10',
        finding: '属实',
      },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.collecting}/verifications`,
      payload: {
        unit: fx.out.villages[0],
        indicator: 'A1',
        kind: 'daily',
        date: '2026-06-10',
        finding: '属实',
      },
    }),
    expect: { inside: manageOrLead(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/rounds/:id/evidence',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.collecting}/evidence`,
      ...multipart(
        { unit: fx.in.villages[0]!, indicator: 'A1' },
        { name: '验收单.pdf', bytes: PDF },
      ),
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.collecting}/evidence`,
      ...multipart(
        { unit: fx.out.villages[0]!, indicator: 'A1' },
        { name: '验收单.pdf', bytes: PDF },
      ),
    }),
    expect: { inside: manageOrLead(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/evidence/:id',
    inside: () => ({ url: `/api/v1/evidence/${fx.in.evidence}` }),
    outside: () => ({ url: `/api/v1/evidence/${fx.out.evidence}` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/flags',
    inside: () => ({ url: '/api/v1/flags?year=2026' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/assessments',
    inside: () => ({ url: '/api/v1/assessments' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/assessments',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: {
        title: '村级综合考核',
        year: 2026,
        organizer: IN_TOWN,
        participants: { under: IN_TOWN, kinds: ['village', 'community'] },
        components: [
          { contest: fx.in.contest, weight: 1, conversion: { method: 'total' }, aggregate: 'mean' },
        ],
      },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: {
        title: '村级综合考核',
        year: 2026,
        organizer: OUT_TOWN,
        participants: { under: OUT_TOWN, kinds: ['village', 'community'] },
        components: [
          {
            contest: fx.out.contest,
            weight: 1,
            conversion: { method: 'total' },
            aggregate: 'mean',
          },
        ],
      },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    // Those who run it, its lead offices and leaders in the organizer's subtree read it all; a
    // participant's staff their own line (src/server/year.test.ts); anyone else nothing.
    route: 'GET /api/v1/assessments/:id',
    inside: () => ({ url: `/api/v1/assessments/${fx.in.assessment}` }),
    outside: () => ({ url: `/api/v1/assessments/${fx.out.assessment}` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/assessments/:id/results',
    // Status only; what a reporter sees (its own line) is checked in public.test.ts.
    inside: () => ({ url: `/api/v1/assessments/${fx.in.assessment}/results` }),
    outside: () => ({ url: `/api/v1/assessments/${fx.out.assessment}/results` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/assessments/:id/results.xlsx',
    inside: () => ({ url: `/api/v1/assessments/${fx.in.assessment}/results.xlsx` }),
    outside: () => ({ url: `/api/v1/assessments/${fx.out.assessment}/results.xlsx` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'PUT /api/v1/assessments/:id/scheme',
    inside: () => ({
      method: 'PUT',
      url: `/api/v1/assessments/${fx.in.assessment}/scheme`,
      payload: villageScheme(IN_TOWN, fx.in.contest),
    }),
    outside: () => ({
      method: 'PUT',
      url: `/api/v1/assessments/${fx.out.assessment}/scheme`,
      payload: villageScheme(OUT_TOWN, fx.out.contest),
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/assessments/:id/ratings',
    inside: () => ({ url: `/api/v1/assessments/${fx.in.assessment}/ratings` }),
    outside: () => ({ url: `/api/v1/assessments/${fx.out.assessment}/ratings` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    // Only the rater the scheme names for the form (the town's viewer here), whatever the role.
    route: 'PUT /api/v1/assessments/:id/ratings',
    inside: () => ({
      method: 'PUT',
      url: `/api/v1/assessments/${fx.in.assessment}/ratings`,
      payload: { component: 'LD', ratings: fx.in.villages.map((unit) => ({ unit, score: 90 })) },
    }),
    outside: () => ({
      method: 'PUT',
      url: `/api/v1/assessments/${fx.out.assessment}/ratings`,
      payload: { component: 'LD', ratings: fx.out.villages.map((unit) => ({ unit, score: 90 })) },
    }),
    expect: { inside: { ...nobody, viewer: 200 }, outside: nobody },
  },
  {
    route: 'GET /api/v1/assessments/:id/adjustments',
    inside: () => ({ url: `/api/v1/assessments/${fx.in.assessment}/adjustments` }),
    outside: () => ({ url: `/api/v1/assessments/${fx.out.assessment}/adjustments` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    // The organizer and lead offices for any participant; a participant's clerk for its own unit.
    route: 'POST /api/v1/assessments/:id/adjustments',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.in.assessment}/adjustments`,
      payload: { unit: fx.in.villages[1], item: 'B1', points: 0.5, reason: '获得表彰' },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.out.assessment}/adjustments`,
      payload: { unit: fx.out.villages[1], item: 'B1', points: 0.5, reason: '获得表彰' },
    }),
    expect: { inside: manageOrLead(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/assessments/:id/adjustments/:adjustment/approve',
    inside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.in.assessment}/adjustments/${fx.in.pending[actor]}/approve`,
      payload: { decision: 'approved' },
    }),
    outside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.out.assessment}/adjustments/${fx.out.pending[actor]}/approve`,
      payload: { decision: 'approved' },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/assessments/:id/adjustments/:adjustment/evidence',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.in.assessment}/adjustments/${fx.in.withEvidence}/evidence`,
      ...multipart({}, { name: '表彰.pdf', bytes: PDF }),
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.out.assessment}/adjustments/${fx.out.withEvidence}/evidence`,
      ...multipart({}, { name: '表彰.pdf', bytes: PDF }),
    }),
    expect: { inside: manageOrLead(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/assessments/:id/adjustments/:adjustment/evidence',
    inside: () => ({
      url: `/api/v1/assessments/${fx.in.assessment}/adjustments/${fx.in.withEvidence}/evidence`,
    }),
    outside: () => ({
      url: `/api/v1/assessments/${fx.out.assessment}/adjustments/${fx.out.withEvidence}/evidence`,
    }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/assessments/:id/publish',
    inside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.in.publishable[actor]}/publish`,
    }),
    outside: (_n, actor) => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.out.publishable[actor]}/publish`,
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/assessments/:id/corrections',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.in.publishedAssessment}/corrections`,
      payload: { reason: '更正权重', scheme: villageScheme(IN_TOWN, fx.in.contest) },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/assessments/${fx.out.publishedAssessment}/corrections`,
      payload: { reason: '更正权重', scheme: villageScheme(OUT_TOWN, fx.out.contest) },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    // The templates are the county's; a town's admin or organizer runs one among its own villages.
    route: 'POST /api/v1/contests/:id/instances',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/contests/${template}/instances`,
      payload: { organizer: IN_TOWN },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/contests/${template}/instances`,
      payload: { organizer: OUT_TOWN },
    }),
    // The first allowed actor makes it; the second gets 409 (the town runs it already).
    expect: { inside: { ...manage(201), organizer: 409 }, outside: nobody },
  },
  {
    route: 'PUT /api/v1/contests/:id/feeds',
    inside: () => ({ method: 'PUT', url: `/api/v1/contests/${fx.in.contest}/feeds`, payload: {} }),
    outside: () => ({
      method: 'PUT',
      url: `/api/v1/contests/${fx.out.contest}/feeds`,
      payload: {},
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    // The county's view: readers of the county (none of the town's actors) only.
    route: 'GET /api/v1/contests/:id/linkage',
    inside: () => ({ url: `/api/v1/contests/${template}/linkage?period=2026-02` }),
    expect: { inside: nobody },
  },
  {
    route: 'GET /api/v1/practices',
    inside: () => ({ url: `/api/v1/practices?contest=${fx.in.contest}` }),
    outside: () => ({ url: `/api/v1/practices?contest=${fx.out.contest}` }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/practices',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/practices',
      payload: {
        contest: fx.in.contest,
        unit: fx.in.villages[0],
        title: '经验做法',
        bodyHtml: '<p>做法</p>',
      },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/practices',
      payload: {
        contest: fx.out.contest,
        unit: fx.out.villages[0],
        title: '经验做法',
        bodyHtml: '<p>做法</p>',
      },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'PATCH /api/v1/practices/:id',
    inside: () => ({
      method: 'PATCH',
      url: `/api/v1/practices/${fx.in.practice}`,
      payload: { title: '新标题' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: `/api/v1/practices/${fx.out.practice}`,
      payload: { title: '新标题' },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/practices/:id/publish',
    inside: () => ({ method: 'POST', url: `/api/v1/practices/${fx.in.practice}/publish` }),
    outside: () => ({ method: 'POST', url: `/api/v1/practices/${fx.out.practice}/publish` }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/practices/:id/withdraw',
    inside: () => ({ method: 'POST', url: `/api/v1/practices/${fx.in.practice}/withdraw` }),
    outside: () => ({ method: 'POST', url: `/api/v1/practices/${fx.out.practice}/withdraw` }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    // Images are public once uploaded and belong to no unit: any admin or organizer may upload.
    route: 'POST /api/v1/practice-images',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/practice-images',
      ...multipart({}, { name: 'a.png', bytes: PNG }),
    }),
    expect: { inside: manage(201) },
  },
  {
    route: 'GET /api/v1/public/contests',
    inside: () => ({ url: '/api/v1/public/contests' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/public/contests/:id',
    inside: () => ({ url: `/api/v1/public/contests/${fx.in.contest}` }),
    outside: () => ({ url: `/api/v1/public/contests/${fx.out.contest}` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'GET /api/v1/public/contests/:id/rubrics/:version',
    inside: () => ({ url: `/api/v1/public/contests/${fx.in.contest}/rubrics/1` }),
    expect: { inside: all(200) },
  },
  {
    // "Outside" here is a round still collecting: nobody sees it publicly.
    route: 'GET /api/v1/public/rounds/:id',
    inside: () => ({ url: `/api/v1/public/rounds/${fx.in.published}` }),
    outside: () => ({ url: `/api/v1/public/rounds/${fx.in.collecting}` }),
    expect: { inside: all(200), outside: all(404) },
  },
  {
    route: 'GET /api/v1/public/flags',
    inside: () => ({ url: '/api/v1/public/flags' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/public/units/:code/history',
    inside: () => ({ url: `/api/v1/public/units/${fx.in.villages[0]}/history` }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/public/practices',
    inside: () => ({ url: '/api/v1/public/practices' }),
    expect: { inside: all(200) },
  },
  {
    // A draft: not public for anyone, signed in or not.
    route: 'GET /api/v1/public/practices/:id',
    inside: () => ({ url: `/api/v1/public/practices/${fx.out.practice}` }),
    expect: { inside: all(404) },
  },
  {
    route: 'GET /api/v1/public/images/:id',
    inside: () => ({ url: `/api/v1/public/images/${fx.in.image}` }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/public/version',
    inside: () => ({ url: '/api/v1/public/version' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/me/positions',
    inside: () => ({ url: '/api/v1/me/positions' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/me/tasks',
    inside: () => ({ url: '/api/v1/me/tasks' }),
    expect: { inside: signedIn(200) },
  },
  {
    // My month (issue 14): everyone signed in has a month; the workbook only for those with cells
    // to fill (the town's evaluator leads every indicator of the town's contest).
    route: 'GET /api/v1/me/month',
    inside: () => ({ url: '/api/v1/me/month' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/me/month.xlsx',
    inside: () => ({ url: '/api/v1/me/month.xlsx?period=2099-12' }),
    expect: { inside: { ...signedIn(404), evaluator: 200 } },
  },
  {
    route: 'POST /api/v1/me/month/import',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/me/month/import',
      ...multipart({}, { name: 'month.xlsx', bytes: PDF }),
    }),
    expect: { inside: signedIn(400) },
  },
  {
    route: 'GET /api/v1/dashboard',
    inside: () => ({ url: '/api/v1/dashboard' }),
    expect: { inside: { ...nobody, admin: 200, organizer: 200, viewer: 200 } },
  },
  {
    route: 'GET /api/v1/me/notifications',
    inside: () => ({ url: '/api/v1/me/notifications' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/me/notifications/:id/read',
    inside: () => ({ method: 'POST', url: '/api/v1/me/notifications/2147483000/read' }),
    expect: { inside: signedIn(404) },
  },
  {
    route: 'POST /api/v1/me/notifications/read-all',
    inside: () => ({ method: 'POST', url: '/api/v1/me/notifications/read-all' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/webhooks',
    inside: () => ({ url: '/api/v1/webhooks' }),
    expect: { inside: adminOnly(200) },
  },
  {
    route: 'POST /api/v1/webhooks',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook', kinds: ['round.notice'] },
    }),
    expect: { inside: adminOnly(201) },
  },
  {
    route: 'PATCH /api/v1/webhooks/:id',
    inside: () => ({
      method: 'PATCH',
      url: '/api/v1/webhooks/2147483000',
      payload: { active: false },
    }),
    expect: { inside: adminOnly(404) },
  },
  {
    route: 'DELETE /api/v1/webhooks/:id',
    inside: () => ({ method: 'DELETE', url: '/api/v1/webhooks/2147483000' }),
    expect: { inside: adminOnly(404) },
  },
  {
    route: 'GET /api/v1/webhooks/:id/deliveries',
    inside: () => ({ url: '/api/v1/webhooks/2147483000/deliveries' }),
    expect: { inside: adminOnly(404) },
  },
  {
    // Sheets (issue 6): the template is for those who may fill cells; none here for a reporter
    // of the town (the town is not a participant) or a viewer.
    route: 'GET /api/v1/rounds/:id/template.xlsx',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.collecting}/template.xlsx` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.collecting}/template.xlsx` }),
    expect: { inside: manageOrLead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/rounds/:id/import',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.in.collecting}/import`,
      ...multipart(
        {},
        { name: '填报.csv', bytes: Buffer.from(`code,name,A1\n${fx.in.villages[0]},x,50\n`) },
      ),
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rounds/${fx.out.collecting}/import`,
      ...multipart(
        {},
        { name: '填报.csv', bytes: Buffer.from(`code,name,A1\n${fx.out.villages[0]},x,50\n`) },
      ),
    }),
    expect: { inside: manageOrLead(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/results.xlsx',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.reviewing}/results.xlsx` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.reviewing}/results.xlsx` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/rounds/:id/results.csv',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.reviewing}/results.csv` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.reviewing}/results.csv` }),
    expect: { inside: readers(200), outside: nobody },
  },
  {
    // In notice only those who manage the contest get the draft (征求意见稿); published ones are public.
    route: 'GET /api/v1/rounds/:id/bulletin.docx',
    inside: () => ({ url: `/api/v1/rounds/${fx.in.notice}/bulletin.docx` }),
    outside: () => ({ url: `/api/v1/rounds/${fx.out.notice}/bulletin.docx` }),
    expect: { inside: manage(200), outside: nobody },
  },
  // Accounts (issue 19): role changes and locks are the security admin's; the audit log and
  // its export the auditor's; without separation the admin holds both, as before.
  {
    route: 'PATCH /api/v1/users/:id',
    inside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/huangshanpu',
      payload: { roles: ['reporter'] },
    }),
    outside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/yangzhuang',
      payload: { roles: ['reporter'] },
    }),
    expect: () => ({ inside: secadminOnly(200), outside: nobody }),
  },
  {
    route: 'DELETE /api/v1/users/:id/totp',
    inside: () => ({ method: 'DELETE', url: '/api/v1/users/huangshanpu/totp' }),
    outside: () => ({ method: 'DELETE', url: '/api/v1/users/yangzhuang/totp' }),
    expect: () => ({ inside: secadminOnly(204), outside: nobody }),
  },
  {
    route: 'GET /api/v1/me/totp',
    inside: () => ({ url: '/api/v1/me/totp' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/me/totp',
    inside: () => ({ method: 'POST', url: '/api/v1/me/totp' }),
    expect: { inside: signedIn(200) },
  },
  {
    // Enrolment was started by the row above; a wrong code is refused.
    route: 'POST /api/v1/me/totp/confirm',
    inside: () => ({ method: 'POST', url: '/api/v1/me/totp/confirm', payload: { code: '000000' } }),
    expect: { inside: signedIn(400) },
  },
  {
    route: 'GET /api/v1/security/policy',
    inside: () => ({ url: '/api/v1/security/policy' }),
    expect: { inside: signedIn(200) },
  },
  {
    // The policy is the installation's: only the root unit's security admin (not these town users).
    route: 'PUT /api/v1/security/policy',
    inside: () => ({
      method: 'PUT',
      url: '/api/v1/security/policy',
      payload: { minLength: 10, minClasses: 2, expiryDays: null, historySize: 5 },
    }),
    expect: { inside: nobody },
  },
  {
    route: 'GET /api/v1/audit/export.csv',
    inside: () => ({ url: '/api/v1/audit/export.csv?kind=signin' }),
    expect: () => ({ inside: auditorOnly(200) }),
  },
  {
    route: 'GET /api/v1/audit/export.xlsx',
    inside: () => ({ url: '/api/v1/audit/export.xlsx?kind=account' }),
    expect: () => ({ inside: auditorOnly(200) }),
  },
  // Series (DESIGN §7): organizers and admins run them, leaders read them.
  {
    route: 'GET /api/v1/series',
    inside: () => ({ url: '/api/v1/series' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/series',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/series',
      payload: {
        title: '乡村振兴系列',
        organizer: IN_TOWN,
        office: '中共黄山铺镇委员会',
        docPrefix: '黄发',
        contests: [fx.in.contest],
      },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/series',
      payload: {
        title: '乡村振兴系列',
        organizer: OUT_TOWN,
        office: '中共杨庄镇委员会',
        docPrefix: '杨发',
        contests: [fx.out.contest],
      },
    }),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/series/:id',
    inside: () => ({ url: `/api/v1/series/${fx.in.series}?period=2026-02` }),
    outside: () => ({ url: `/api/v1/series/${fx.out.series}?period=2026-02` }),
    expect: { inside: { ...manage(200), viewer: 200 }, outside: nobody },
  },
  {
    route: 'POST /api/v1/series/:id/rounds',
    inside: (n) => ({
      method: 'POST',
      url: `/api/v1/series/${fx.in.series}/rounds`,
      payload: { period: month(n), dryRun: true },
    }),
    outside: (n) => ({
      method: 'POST',
      url: `/api/v1/series/${fx.out.series}/rounds`,
      payload: { period: month(n), dryRun: true },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/series/:id/transition',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/series/${fx.in.series}/transition`,
      payload: { period: '2026-05', to: 'reviewing', dryRun: true },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/series/${fx.out.series}/transition`,
      payload: { period: '2026-05', to: 'reviewing', dryRun: true },
    }),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/series/:id/bulletin.docx',
    inside: () => ({ url: `/api/v1/series/${fx.in.series}/bulletin.docx?period=2026-02` }),
    outside: () => ({ url: `/api/v1/series/${fx.out.series}/bulletin.docx?period=2026-02` }),
    expect: { inside: { ...manage(200), viewer: 200 }, outside: nobody },
  },
  {
    route: 'GET /api/v1/series/:id/workbook.xlsx',
    inside: () => ({ url: `/api/v1/series/${fx.in.series}/workbook.xlsx?period=2026-02` }),
    outside: () => ({ url: `/api/v1/series/${fx.out.series}/workbook.xlsx?period=2026-02` }),
    expect: { inside: { ...manage(200), viewer: 200 }, outside: nobody },
  },
  // Rectifications (整改): lists are filtered to what the reader may see.
  {
    route: 'GET /api/v1/rectifications',
    inside: () => ({ url: '/api/v1/rectifications' }),
    expect: { inside: signedIn(200) },
  },
  {
    // The yellow village of the published round has one already (opened on publishing): 409.
    route: 'POST /api/v1/rectifications',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/rectifications',
      payload: { round: fx.in.published, unit: fx.in.villages[0] },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/rectifications',
      payload: { round: fx.out.published, unit: fx.out.villages[0] },
    }),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    // An open rectification cannot be returned: 409 for the organizer, 403 for the rest.
    route: 'POST /api/v1/rectifications/:id/actions',
    inside: () => ({
      method: 'POST',
      url: `/api/v1/rectifications/${fx.in.rectification}/actions`,
      payload: { action: 'return', reason: '措施不具体' },
    }),
    outside: () => ({
      method: 'POST',
      url: `/api/v1/rectifications/${fx.out.rectification}/actions`,
      payload: { action: 'return', reason: '措施不具体' },
    }),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    route: 'GET /api/v1/public/notices',
    inside: () => ({ url: '/api/v1/public/notices' }),
    expect: { inside: all(200) },
  },
];

// ---- the project ledger (DESIGN §9) -------------------------------------------------------
// A project of 黄山铺镇 (inside) and of 杨庄镇 (outside), each with a milestone and an assigned problem.
const lfx: Record<'in' | 'out', { project: number; milestone: number; problem: number }> =
  {} as never;
const ledgerReporters = (status: number): Expect => ({
  ...manageOrLead(status),
  reporter: status,
});
const ledgerPair = (
  route: string,
  method: 'POST' | 'PATCH' | 'PUT',
  url: (f: (typeof lfx)['in'], n: number) => string,
  payload: (n: number) => unknown,
  inside: Expect,
): Row => ({
  route,
  inside: (n) => ({ method, url: `/api/v1${url(lfx.in, n)}`, payload: payload(n) as object }),
  outside: (n) => ({ method, url: `/api/v1${url(lfx.out, n)}`, payload: payload(n) as object }),
  expect: { inside, outside: nobody },
});
ROWS.push(
  {
    route: 'GET /api/v1/projects',
    inside: () => ({ url: '/api/v1/projects' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/projects',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        code: `M-in-${n}`,
        name: '项目',
        kind: 'key_project',
        unit: IN_TOWN,
        totalInvestment: 1,
        startYear: 2026,
      },
    }),
    outside: (n) => ({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        code: `M-out-${n}`,
        name: '项目',
        kind: 'key_project',
        unit: OUT_TOWN,
        totalInvestment: 1,
        startYear: 2026,
      },
    }),
    // Plans are the planning office's (a department named in config) or an admin's.
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/projects/:id',
    inside: () => ({ url: `/api/v1/projects/${lfx.in.project}` }),
    outside: () => ({ url: `/api/v1/projects/${lfx.out.project}` }),
    expect: { inside: signedIn(200), outside: nobody },
  },
  ledgerPair(
    'PATCH /api/v1/projects/:id',
    'PATCH',
    (f) => `/projects/${f.project}`,
    () => ({ location: '镇驻地' }),
    ledgerReporters(200),
  ),
  // active → planning is never allowed: 409 for those who manage the ledger.
  ledgerPair(
    'POST /api/v1/projects/:id/transition',
    'POST',
    (f) => `/projects/${f.project}/transition`,
    () => ({ to: 'planning' }),
    manage(409),
  ),
  ledgerPair(
    'PUT /api/v1/projects/:id/investments',
    'PUT',
    (f) => `/projects/${f.project}/investments`,
    () => [{ month: '2026-01', completed: 0 }],
    ledgerReporters(200),
  ),
  ledgerPair(
    'POST /api/v1/projects/:id/milestones',
    'POST',
    (f) => `/projects/${f.project}/milestones`,
    () => ({ kind: 'custom', name: '设备进场', planned: '2026-08-01' }),
    adminOnly(201),
  ),
  ledgerPair(
    'PATCH /api/v1/milestones/:id',
    'PATCH',
    (f) => `/milestones/${f.milestone}`,
    () => ({ actual: null }),
    ledgerReporters(200),
  ),
  ledgerPair(
    'POST /api/v1/projects/:id/logs',
    'POST',
    (f) => `/projects/${f.project}/logs`,
    () => ({ date: '2026-06-01', who: '专班', kind: 'onsite', text: '现场服务' }),
    ledgerReporters(201),
  ),
  ledgerPair(
    'POST /api/v1/projects/:id/problems',
    'POST',
    (f) => `/projects/${f.project}/problems`,
    () => ({ title: '问题' }),
    ledgerReporters(201),
  ),
  {
    route: 'GET /api/v1/problems',
    inside: () => ({ url: '/api/v1/problems?open=1' }),
    expect: { inside: signedIn(200) },
  },
  ledgerPair(
    'POST /api/v1/problems/:id/actions',
    'POST',
    (f) => `/problems/${f.problem}/actions`,
    () => ({ action: 'remind' }),
    manage(200),
  ),
  {
    route: 'GET /api/v1/taskforces',
    inside: () => ({ url: '/api/v1/taskforces' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/taskforces',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/taskforces',
      payload: { name: '专班', leaderPost: '副县长', head: '局长' },
    }),
    expect: { inside: adminOnly(201) },
  },
  {
    // County-wide: only the planning office (none of these town users) takes it.
    route: 'POST /api/v1/ledger/snapshots',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/ledger/snapshots',
      payload: { month: '2026-05' },
    }),
    expect: { inside: nobody },
  },
  {
    route: 'POST /api/v1/ledger/photos',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/ledger/photos',
      ...multipart({}, { name: 'p.png', bytes: PNG }),
    }),
    expect: { inside: signedIn(201) },
  },
);

// An empty ledger workbook (headers only): importing it writes nothing, so every row may repeat.
const EMPTY_LEDGER = await (async () => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('项目台账').addRow([
    '项目编号',
    '项目名称',
    '类别',
    '责任单位编码',
    '总投资（万元）',
    '开工年度',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
})();
ROWS.push(
  {
    route: 'GET /api/v1/projects/report.xlsx',
    inside: () => ({ url: '/api/v1/projects/report.xlsx?month=2026-05' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/projects/report.docx',
    inside: () => ({ url: '/api/v1/projects/report.docx?month=2026-05' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/ledger/summary',
    inside: () => ({ url: '/api/v1/ledger/summary?month=2026-05' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'GET /api/v1/projects/export.xlsx',
    inside: () => ({ url: '/api/v1/projects/export.xlsx' }),
    expect: { inside: signedIn(200) },
  },
  {
    // The planning office (none of these town users) or an admin imports the ledger.
    route: 'POST /api/v1/projects/import',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/projects/import',
      ...multipart({}, { name: 'ledger.xlsx', bytes: EMPTY_LEDGER }),
    }),
    expect: { inside: adminOnly(200) },
  },
  {
    route: 'GET /api/v1/public/projects',
    inside: () => ({ url: '/api/v1/public/projects' }),
    expect: { inside: all(200) },
  },
);

async function ledgerFixture(ctx: AppContext, town: string, code: string) {
  const lctx = { ...ctx, ledger: ledgerSettings(loadConfig({})) };
  const p = await createProject(lctx, {
    code,
    name: '矩阵项目',
    kind: 'key_project',
    state: 'active',
    unit: town,
    totalInvestment: 100,
    startYear: 2026,
  });
  const withMilestone = await addMilestone(lctx, String(p.id), {
    kind: 'start',
    planned: '2026-03-01',
  });
  const problem = await raiseProblem(lctx, String(p.id), { title: '矩阵问题' });
  await actOnProblem(lctx, problem.id, {
    action: 'assign',
    ownerUnit: town,
    deadline: '2026-12-31',
  });
  return { project: p.id, milestone: withMilestone.milestones[0]!.id, problem: problem.id };
}

const RUBRIC = `title: 乡村振兴擂台赛
indicators:
  - { code: A1, name: 人居环境整治, points: 100, method: manual }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;

/** The town's village assessment: a rater (the town's viewer inside), items, pending adjustments. */
function villageScheme(town: string, contest: number) {
  return {
    title: '村级综合考核',
    year: 2026,
    organizer: town,
    participants: { under: town, kinds: ['village' as const, 'community' as const] },
    components: [
      {
        contest,
        weight: 0.8,
        conversion: { method: 'total' as const },
        aggregate: 'mean' as const,
      },
    ],
    ratings: [
      {
        code: 'LD',
        name: '领导评价',
        weight: 0.2,
        max: 100,
        raters: [{ user: town === IN_TOWN ? 'town-viewer' : 'yangzhuang' }],
      },
    ],
    adjustments: {
      items: [
        { code: 'B1', name: '获得表彰', kind: 'bonus' as const },
        { code: 'V1', name: '重大事故', kind: 'veto' as const },
      ],
    },
    weightTotal: 1,
    flagPoints: { red: 1, yellow: -1 },
    grades: { top: [], bottom: [], otherwise: '合格' },
    precision: 2,
  };
}

async function townAssessments(
  ctx: AppContext,
  dataDir: string,
  town: string,
  contest: number,
  villages: string[],
) {
  const make = async () => (await createAssessment(ctx, villageScheme(town, contest))).id;
  const assessment = await make();
  const propose = async (id: number) =>
    (
      await proposeAdjustment(ctx, String(id), {
        unit: villages[0]!,
        item: 'B1',
        points: 1,
        reason: '获得表彰',
      })
    ).id;
  const publishable = {} as Record<Actor, number>;
  const pending = {} as Record<Actor, number>;
  for (const actor of ACTORS) {
    publishable[actor] = await make();
    pending[actor] = await propose(assessment);
  }
  const withEvidence = await propose(assessment);
  await attachAdjustmentEvidence({ ...ctx, dataDir }, String(assessment), String(withEvidence), {
    filename: 'a.pdf',
    bytes: PDF,
  });
  const publishedAssessment = await make();
  await publishAssessment(ctx, String(publishedAssessment));
  return { assessment, publishable, pending, publishedAssessment, withEvidence };
}

/** A town's village contest with a round in every state, made by the system (CLI-like) actor. */
async function townContest(ctx: AppContext, dataDir: string, town: string): Promise<Fixture> {
  const contest = await createContest(ctx, {
    title: '乡村振兴擂台赛',
    category: '乡村振兴',
    organizer: town,
    cadence: 'month',
    participants: { under: town, kinds: ['village', 'community'] },
  });
  await draftRubric(ctx, String(contest.id), { yaml: RUBRIC });
  await publishRubric(ctx, String(contest.id), 1);
  const villages = contest.participants.map((p) => p.code);
  const round = async (period: string, states: RoundState[]) => {
    const r = await openRound(ctx, String(contest.id), { period });
    for (const to of states) {
      if (to === 'reviewing') {
        await saveEntries(
          ctx,
          String(r.id),
          villages.map((unit, i) => ({ unit, indicator: 'A1', value: 50 + (i % 40) })),
        );
      }
      await transitionRound(ctx, String(r.id), to);
    }
    return r.id;
  };
  const collecting = await round('2026-05', ['collecting']);
  await saveEntries(ctx, String(collecting), [{ unit: villages[0]!, indicator: 'A1', value: 40 }]);
  const evidence = await attachEvidence(
    { ...ctx, dataDir },
    String(collecting),
    { unit: villages[0]!, indicator: 'A1' },
    { filename: 'a.pdf', bytes: PDF },
  );
  const notice = await round('2026-03', ['collecting', 'reviewing', 'notice']);
  const appeals = [];
  for (const unit of villages.slice(0, 3)) {
    appeals.push(
      (await fileAppeal(ctx, String(notice), { unit, indicator: 'A1', reason: '请复核' })).id,
    );
  }
  const published = await round('2026-02', ['collecting', 'reviewing', 'notice', 'published']);
  const series = await createSeries(ctx, {
    title: '乡村振兴系列',
    organizer: town,
    office: '中共黄山铺镇委员会',
    docPrefix: `镇发${town}`,
    contests: [contest.id],
  });
  const rectifications = await listRectificationsFor(ctx, {});
  const rectification = rectifications.items.find((r) => r.roundId === published)!;
  // The yellow village first, so the matrix's POST /rectifications meets the existing one.
  villages.sort((a, b) =>
    a === rectification.unit.code ? -1 : b === rectification.unit.code ? 1 : 0,
  );
  return {
    contest: contest.id,
    series: series.id,
    rectification: rectification.id,
    villages,
    collecting,
    reviewing: await round('2026-04', ['collecting', 'reviewing']),
    notice,
    published,
    appeals,
    evidence: evidence.id,
    practice: (
      await createPractice(ctx, {
        contest: contest.id,
        unit: villages[0]!,
        title: '经验做法',
        bodyHtml: '<p>做法</p>',
      })
    ).id,
    image: (await uploadPracticeImage({ ...ctx, dataDir }, { filename: 'a.png', bytes: PNG })).id,
    ...(await townAssessments(ctx, dataDir, town, contest.id, villages)),
  };
}

// ---- party-member points (DESIGN §10): town users act by role; branch clerks by assignment ----
interface PointsFixture {
  branch: number;
  member: number;
  leaving: number;
  record: number;
  dispute: number;
  village: number;
  town: string;
  star: number;
  /** A household with a 2026 claim; one with a filed 2025 rating to review; one to revoke. */
  claimed: number;
  reviewable: number;
  revocable: number;
  item: number;
}
let householdYears = 0;
const pts: Record<'in' | 'out', PointsFixture> = {} as never;
const pointsRead = (status: number): Expect => ({
  ...nobody,
  admin: status,
  organizer: status,
  viewer: status,
});
async function pointsFixture(
  ctx: AppContext,
  dataDir: string,
  town: string,
  inVillage?: string,
): Promise<PointsFixture> {
  const village = await ctx.db
    .selectFrom('units as v')
    .innerJoin('units as t', 't.id', 'v.parent_id')
    .select('v.id')
    .where('t.code', '=', town)
    .$if(inVillage !== undefined, (q) => q.where('v.code', '=', inVillage!))
    .orderBy('v.code')
    .executeTakeFirstOrThrow();
  // The demo gives 黄山铺镇's villages their branches; elsewhere the fixture makes one.
  const branch =
    (await findBranchByUnit(ctx.db, village.id)) ??
    (await createBranch(ctx, { unit: village.id, name: '党支部' }));
  const member = await addMember(ctx, branch.id, {
    name: '王建国',
    gender: '男',
    birthYear: 1970,
    joinedOn: '1995-07-01',
  });
  const leaving = await addMember(ctx, branch.id, {
    name: '李明',
    gender: '男',
    birthYear: 1980,
    joinedOn: '2001-07-01',
  });
  const rule = await createRule(ctx, {
    organizer: town,
    category: '学习教育',
    item: '三会一课',
    points: 2,
  });
  const record = await createRecord(ctx, {
    member: member.id,
    rule: rule.id,
    occurredOn: '2026-05-01',
  });
  await attachRecordEvidence({ ...ctx, dataDir }, String(record.id), {
    filename: 'a.pdf',
    bytes: PDF,
  });
  const dispute = await fileDispute(ctx, String(record.id), { reason: '核对' });
  const star = await createStar(ctx, {
    organizer: town,
    name: '权限矩阵测试星',
    criteria: '无违法',
  });
  const household = async (filed: boolean) => {
    const h = await createHousehold(ctx, { unit: village.id, headName: '王建国' });
    await claimStars(ctx, String(h.id), { year: filed ? 2025 : 2026, stars: [star.id] });
    if (filed)
      for (const step of ['villagers', 'committee', 'filing'] as const)
        await claimStep(ctx, String(h.id), {
          year: 2025,
          step,
          results: { [star.id]: 'pass' },
        });
    return h.id;
  };
  const item = await createItem(ctx, { unit: village.id, name: '洗衣粉', cost: 10, stock: 5 });
  return {
    branch: branch.id,
    member: member.id,
    leaving: leaving.id,
    record: record.id,
    dispute: dispute.id,
    village: village.id,
    town,
    star: star.id,
    claimed: await household(false),
    reviewable: await household(true),
    revocable: await household(true),
    item: item.id,
  };
}
const P = '/api/v1/points';
const both = (make: (f: PointsFixture, n: number) => InjectOptions) => ({
  inside: (n: number) => make(pts.in, n),
  outside: (n: number) => make(pts.out, n),
});
/** The first deciding actor changes it; everyone after finds it changed already. */
const firstThen = (first: number, then: number): Expect => ({
  ...nobody,
  admin: first,
  organizer: then,
});
const POINTS_ROWS: Row[] = [
  {
    route: 'GET /api/v1/points/branches',
    inside: () => ({ url: `${P}/branches?under=${IN_TOWN}` }),
    outside: () => ({ url: `${P}/branches?under=${OUT_TOWN}` }),
    expect: { inside: signedIn(200), outside: signedIn(200) },
  },
  {
    route: 'POST /api/v1/points/branches',
    // The village already has its branch: deciders get past the gate and find it taken.
    inside: () => ({
      method: 'POST',
      url: `${P}/branches`,
      payload: { unit: IN_VILLAGE, name: '支部' },
    }),
    outside: () => ({
      method: 'POST',
      url: `${P}/branches`,
      payload: { unit: OUT_TOWN, name: '支部' },
    }),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/branches/:id/assignments',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/branches/${f.branch}/assignments`,
      payload: { user: 'huangshanpu', role: 'recorder' },
    })),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/branches/:id/members',
    ...both((f) => ({ url: `${P}/branches/${f.branch}/members` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/branches/:id/members',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/branches/${f.branch}/members`,
      payload: { name: '张红', gender: '女', birthYear: 1990, joinedOn: '2015-07-01' },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/branches/:id/rules',
    ...both((f) => ({ url: `${P}/branches/${f.branch}/rules` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/branches/:id/queue',
    ...both((f) => ({ url: `${P}/branches/${f.branch}/queue` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/members/:id/transfer-out',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/members/${f.leaving}/transfer-out`,
      payload: { on: '2026-06-01' },
    })),
    expect: { inside: firstThen(200, 409), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/members/:id/statement',
    ...both((f) => ({ url: `${P}/members/${f.member}/statement?year=2026` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/rules',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/rules`,
      payload: {
        organizer: f === pts.in ? IN_TOWN : OUT_TOWN,
        category: '学习教育',
        item: '志愿服务',
        points: 2,
      },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    // Only a branch's clerk records; no town role does.
    route: 'POST /api/v1/points/records',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/records`,
      payload: { member: f.member, rule: 1, occurredOn: '2026-05-02' },
    })),
    expect: { inside: nobody, outside: nobody },
  },
  {
    // Only a branch's secretary reviews; the town reads.
    route: 'POST /api/v1/points/records/:id/review',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/records/${f.record}/review`,
      payload: { decision: 'approve' },
    })),
    expect: { inside: nobody, outside: nobody },
  },
  {
    route: 'POST /api/v1/points/records/:id/disputes',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/records/${f.record}/disputes`,
      payload: { reason: '请核实' },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/disputes/:id/answer',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/disputes/${f.dispute}/answer`,
      payload: { decision: 'dismissed', answer: '记录属实' },
    })),
    expect: { inside: firstThen(200, 409), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/quarters',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/quarters`,
      payload: {
        organizer: f === pts.in ? IN_TOWN : OUT_TOWN,
        quarter: '2026-Q3',
        state: 'notice',
      },
    })),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/leaderboard',
    inside: () => ({ url: `${P}/leaderboard?scope=${IN_TOWN}&period=2026-Q2` }),
    outside: () => ({ url: `${P}/leaderboard?scope=${OUT_TOWN}&period=2026-Q2` }),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/public/points/leaderboard',
    inside: () => ({ url: `/api/v1/public/points/leaderboard?scope=${IN_TOWN}&period=2026` }),
    expect: { inside: all(200) },
  },
  {
    // Only a branch's clerk attaches evidence to its records.
    route: 'POST /api/v1/points/records/:id/evidence',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/records/${f.record}/evidence`,
      ...multipart({}, { name: 'b.pdf', bytes: PDF }),
    })),
    expect: { inside: nobody, outside: nobody },
  },
  {
    route: 'GET /api/v1/points/records/:id/evidence',
    ...both((f) => ({ url: `${P}/records/${f.record}/evidence` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/class-rules',
    ...both((f) => ({ url: `${P}/class-rules?unit=${f.town}` })),
    expect: { inside: signedIn(200), outside: signedIn(200) },
  },
  {
    route: 'PUT /api/v1/points/class-rules',
    ...both((f) => ({
      method: 'PUT',
      url: `${P}/class-rules`,
      payload: { organizer: f.town, mode: 'thresholds', vanguardAtLeast: 20, improveBelow: 5 },
    })),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/households/stars',
    ...both((f) => ({ url: `/api/v1/households/stars?unit=${f.village}` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/households/stars',
    ...both((f, n) => ({
      method: 'POST',
      url: '/api/v1/households/stars',
      payload: { organizer: f.town, name: `孝老爱亲星${n}`, criteria: '孝敬老人' },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/households',
    ...both((f) => ({ url: `/api/v1/households?unit=${f.village}` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/households',
    ...both((f) => ({
      method: 'POST',
      url: '/api/v1/households',
      payload: { unit: f.village, headName: '李秀英', groupName: '一组', size: 4 },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/households/:id',
    ...both((f) => ({ url: `/api/v1/households/${f.claimed}` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/households/:id/stars',
    ...both((f) => ({
      method: 'POST',
      url: `/api/v1/households/${f.claimed}/stars`,
      payload: { year: 2030 + (householdYears++ % 70), stars: [f.star] },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/households/:id/steps',
    ...both((f) => ({
      method: 'POST',
      url: `/api/v1/households/${f.claimed}/steps`,
      payload: { year: 2026, step: 'villagers', results: { [f.star]: 'pass' } },
    })),
    expect: { inside: firstThen(200, 409), outside: nobody },
  },
  {
    route: 'POST /api/v1/households/:id/yearly-review',
    ...both((f) => ({
      method: 'POST',
      url: `/api/v1/households/${f.reviewable}/yearly-review`,
      payload: { year: 2026, results: { [f.star]: 'pass' } },
    })),
    expect: { inside: firstThen(200, 409), outside: nobody },
  },
  {
    route: 'POST /api/v1/households/:id/revoke',
    ...both((f) => ({
      method: 'POST',
      url: `/api/v1/households/${f.revocable}/revoke`,
      payload: { reason: '存在违法违规行为' },
    })),
    expect: { inside: firstThen(200, 409), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/market',
    ...both((f) => ({ url: `${P}/market?unit=${f.village}` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/market/items',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/market/items`,
      payload: { unit: f.village, name: '毛巾', cost: 5, stock: 10 },
    })),
    expect: { inside: manage(201), outside: nobody },
  },
  {
    route: 'POST /api/v1/points/market/items/:id/stock',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/market/items/${f.item}/stock`,
      payload: { add: 3 },
    })),
    expect: { inside: manage(200), outside: nobody },
  },
  {
    // Past the gate, the member has no points to spend yet.
    route: 'POST /api/v1/points/market/redemptions',
    ...both((f) => ({
      method: 'POST',
      url: `${P}/market/redemptions`,
      payload: { member: f.member, item: f.item },
    })),
    expect: { inside: manage(409), outside: nobody },
  },
  {
    route: 'GET /api/v1/points/members/:id/balance',
    ...both((f) => ({ url: `${P}/members/${f.member}/balance` })),
    expect: { inside: pointsRead(200), outside: nobody },
  },
];
ROWS.push(...POINTS_ROWS);

for (const mode of [false, true])
  describeEachDialect(`permission matrix, 三权分立 ${mode ? 'on' : 'off'}`, (use) => {
    let s: TestServer;
    const routes: string[] = [];

    beforeAll(async () => {
      separation = mode;
      const { ctx } = use();
      s = await startTestServer(use(), { settings: { separationOfDuties: mode } });
      for (const role of ROLES) {
        await createUser(ctx, { username: `town-${role}`, unit: IN_TOWN, roles: [role] });
      }
      for (const user of ['huangshanpu', 'yangzhuang']) {
        tokenIds[user] = (await createToken(ctx, user, { name: 'matrix' })).view.id;
      }
      fx.in = await townContest(ctx, s.dataDir, IN_TOWN);
      fx.out = await townContest(ctx, s.dataDir, OUT_TOWN);
      lfx.in = await ledgerFixture(ctx, IN_TOWN, 'M-IN');
      lfx.out = await ledgerFixture(ctx, OUT_TOWN, 'M-OUT');
      pts.in = await pointsFixture(ctx, s.dataDir, IN_TOWN, IN_VILLAGE);
      pts.out = await pointsFixture(ctx, s.dataDir, OUT_TOWN);
      const t = await createContest(ctx, {
        title: '乡村振兴擂台赛（县级模板）',
        category: '乡村振兴',
        organizer: '371323',
        cadence: 'month',
        isTemplate: true,
        participants: { under: '371323', kinds: ['village'] },
      });
      template = t.id;
      await draftRubric(ctx, String(template), { yaml: RUBRIC });
      await publishRubric(ctx, String(template), 1);
      // The routes as registered: a second server built the same way reports them.
      const { buildServer } = await import('./app.ts');
      const { serverDeps } = await import('./deps.ts');
      const { loadConfig } = await import('../config.ts');
      const probe = await buildServer(serverDeps(use().handle, loadConfig({}), { version: 'x' }), {
        onRoute: (r) => {
          // Swagger UI's own static pages are documentation, not the API.
          if (r.method !== 'HEAD' && !r.url.startsWith('/api/docs/'))
            routes.push(`${r.method} ${r.url}`);
        },
      });
      await probe.close();
    });
    afterAll(() => s.close());

    it('has a row for every endpoint, and no row for an endpoint that does not exist', () => {
      expect(routes.length).toBeGreaterThan(15);
      expect([...routes].sort()).toEqual([...new Set(ROWS.map((r) => r.route))].sort());
    });

    it('gives every role, inside and outside its subtree, the status of the table', async () => {
      separation = mode;
      const failures: string[] = [];
      let n = 0;
      for (const row of ROWS) {
        for (const scope of ['inside', 'outside'] as const) {
          const make = scope === 'inside' ? row.inside : row.outside;
          const expected = (typeof row.expect === 'function' ? row.expect() : row.expect)[scope];
          if (!make || !expected) continue;
          for (const actor of ACTORS) {
            n += 1;
            const res = await s.as(actor === 'anonymous' ? null : `town-${actor}`, make(n, actor));
            if (res.statusCode !== expected[actor]) {
              failures.push(
                `${row.route} [${scope}] as ${actor}: ${res.statusCode}, expected ${expected[actor]} ${res.body.slice(0, 120)}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
    }, 400_000);

    // The abilities a response carries (`may`, src/app/policies) are what the server then allows:
    // a probe for each ability gets past the policy (and the round's state) exactly when `may`
    // says so. Probes that pass change little: a verification, a value, a description.
    it('sends a `may` that agrees with what the server then allows', async () => {
      const { ctx } = use();
      await createUser(ctx, { username: 'may-reporter', unit: IN_VILLAGE, roles: ['reporter'] });
      const readers = [...ROLES.map((r) => `town-${r}`), 'may-reporter'];
      const refused = (status: number) => status === 401 || status === 403 || status === 409;
      const failures: string[] = [];
      const agree = (what: string, may: boolean, status: number, body: string) => {
        if (may === refused(status))
          failures.push(`${what}: may ${may}, server ${status} ${body.slice(0, 120)}`);
      };
      for (const user of readers) {
        const contest = await s.as(user, { url: `/api/v1/contests/${fx.in.contest}` });
        const cmay = contest.json().may as { manage: boolean };
        const patch = await s.as(user, {
          method: 'PATCH',
          url: `/api/v1/contests/${fx.in.contest}`,
          payload: { description: '说明' },
        });
        agree(`${user} contest manage`, cmay.manage, patch.statusCode, patch.body);
        // The session's `may` for the contest list's 新建 button: starting one at the own unit.
        const session = await s.as(user, { url: '/api/v1/session' });
        const create = await s.as(user, {
          method: 'POST',
          url: '/api/v1/contests',
          payload: {
            title: `${user} 发起的擂台`,
            category: '重点工业项目',
            organizer: IN_TOWN,
            cadence: 'month',
            participants: { under: IN_TOWN, kinds: ['village'] },
          },
        });
        agree(
          `${user} create contest`,
          session.json().may.createContests,
          create.statusCode,
          create.body,
        );
        for (const state of ['collecting', 'reviewing', 'notice', 'published'] as const) {
          const id = fx.in[state];
          const got = await s.as(user, { url: `/api/v1/rounds/${id}` });
          if (got.statusCode !== 200) {
            // Who may not read the round gets no `may`, and is refused everything in it.
            const put = await s.as(user, {
              method: 'PUT',
              url: `/api/v1/rounds/${id}/entries`,
              payload: [{ unit: fx.in.villages[1], indicator: 'A1', value: 60 }],
            });
            agree(`${user} ${state} unreadable fill`, false, put.statusCode, put.body);
            continue;
          }
          const may = got.json().may as {
            transition: string[];
            fill: boolean;
            verify: string[];
            appeal: boolean;
            correct: boolean;
            reportsFor: string | null;
          };
          const at = `${user} ${state}`;
          // An impossible move: past the gate it is a 409 from the state machine. With moves to
          // make the reader must get that far; with none (a published round) it is refused.
          const move = await s.as(user, {
            method: 'POST',
            url: `/api/v1/rounds/${id}/transition`,
            payload: { to: state === 'published' ? 'draft' : 'published' },
          });
          if (may.transition.length ? move.statusCode !== 409 : !refused(move.statusCode))
            failures.push(`${at} transition: may ${may.transition}, server ${move.statusCode}`);
          // A correction naming no participant: 400 past the gate and the state, else refused.
          const correct = await s.as(user, {
            method: 'POST',
            url: `/api/v1/rounds/${id}/corrections`,
            payload: {
              reason: '核对',
              entries: [{ unit: 'no-such-unit', indicator: 'A1', value: 1 }],
            },
          });
          agree(`${at} correct`, may.correct, correct.statusCode, correct.body);
          // A verification of a cell nobody entered: 404 past the gate and the state.
          const verify = await s.as(user, {
            method: 'POST',
            url: `/api/v1/rounds/${id}/verifications`,
            payload: {
              unit: fx.in.villages.at(-1),
              indicator: 'A1',
              kind: 'daily',
              date: '2026-06-10',
              finding: '属实',
            },
          });
          if (state !== 'reviewing' && state !== 'published')
            agree(`${at} verify`, may.verify.includes('A1'), verify.statusCode, verify.body);
          // An appeal on an indicator the rubric lacks: 400 past the gate and the state.
          const appeal = await s.as(user, {
            method: 'POST',
            url: `/api/v1/rounds/${id}/appeals`,
            payload: {
              unit: may.reportsFor ?? fx.in.villages[1],
              indicator: 'ZZ',
              reason: '请复核',
            },
          });
          agree(`${at} appeal`, may.appeal, appeal.statusCode, appeal.body);
          // A value in a cell the reader may fill (from the entries' `editable`), else any.
          const entries = await s.as(user, { url: `/api/v1/rounds/${id}/entries` });
          const editable = entries.statusCode === 200 ? entries.json().editable : undefined;
          const unit =
            editable && editable.units !== 'all' && editable.units.length
              ? editable.units[0]
              : fx.in.villages[1];
          const indicator = editable?.indicators[0] ?? 'A1';
          const put = await s.as(user, {
            method: 'PUT',
            url: `/api/v1/rounds/${id}/entries`,
            payload: [{ unit, indicator, value: 60 }],
          });
          agree(`${at} fill`, may.fill, put.statusCode, put.body);
        }
      }
      expect(failures).toEqual([]);
    }, 200_000);
  });
