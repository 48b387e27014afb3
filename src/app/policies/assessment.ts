/**
 * The assessment policy (年度综合考核, DESIGN §5): who reads an assessment whole (those who run it,
 * the lead offices and leaders of the organizer's subtree), who reads one unit's line (that
 * participant's staff), who rates (the raters the scheme names, on their forms only), who proposes
 * 加分/减分 (the organizer and lead offices for any unit, a participant for itself), who decides,
 * publishes and corrects (whoever runs it) — and the `may` an assessment carries.
 */
import { type AssessmentClass, classesOf, type Scheme } from '../../core/assessment.ts';
import { DomainError } from '../../core/errors.ts';
import { can } from '../../core/permissions.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import { findUser } from '../../db/user.repository.ts';
import type { AppContext } from '../context.ts';
import { requireContestManager } from './contest.ts';
import { requireUser } from './gate.ts';

interface Participant {
  id: number;
  code: string;
  name: string;
}

/** A (component, class) rating form. */
export interface RaterForm {
  component: string;
  class: AssessmentClass;
}

export interface AssessmentAccess {
  /** Reads every unit's line, the versions and every adjustment. */
  all: boolean;
  /** Runs it: revises, decides adjustments, publishes, corrects. */
  manage: boolean;
  /** A lead office (evaluator) of the organizer's subtree: proposes for any unit. */
  lead: boolean;
  /** The participant whose staff the actor is, when it reads only that line. */
  own: Participant | undefined;
  /** The forms the actor rates. */
  forms: RaterForm[];
  username: string | null;
}

/** The (component, class) forms a user rates: the scheme names them, by username. */
export function raterForms(
  scheme: Scheme,
  participants: Participant[],
  username: string | null,
): RaterForm[] {
  const classes = classesOf(scheme, participants);
  const forms: RaterForm[] = [];
  if (!username) return forms;
  for (const r of scheme.ratings ?? [])
    for (const rater of r.raters)
      if (rater.user === username)
        for (const c of classes)
          if (!rater.classes || rater.classes.includes(c.code))
            forms.push({ component: r.code, class: c });
  return forms;
}

/**
 * What the actor may see of an assessment: everything, only its own unit's line (a participant's
 * staff), or only its rating forms (a rater from elsewhere). Anyone else is refused (403).
 */
export async function assessmentAccess(
  ctx: AppContext,
  a: { organizer_unit_id: number; scheme: Scheme },
  participants: Participant[],
): Promise<AssessmentAccess> {
  const actor = requireUser(ctx);
  const username =
    actor.kind === 'system' ? null : ((await findUser(ctx.db, actor.userId!))?.username ?? null);
  const forms = raterForms(a.scheme, participants, username);
  if (actor.kind === 'system')
    return { all: true, manage: true, lead: true, own: undefined, forms, username };
  const path = ((await pathsOf(ctx.db, [a.organizer_unit_id])).get(a.organizer_unit_id) ?? []).map(
    (u) => u.id,
  );
  const principal = { userId: actor.userId!, unitId: actor.unitId!, roles: actor.roles };
  const manage = can(principal, 'contest.manage', { unitPath: path });
  // Lead offices (evaluators) in the organizer's subtree read it all and report 加分/减分.
  const lead = actor.roles.includes('evaluator') && path.includes(actor.unitId!);
  const all = manage || lead || can(principal, 'contest.read', { unitPath: path });
  const own = participants.find((p) => p.id === actor.unitId);
  if (!all && !own && forms.length === 0) throw new DomainError('FORBIDDEN', '没有权限查看此考核');
  return { all, manage, lead, own: all ? undefined : own, forms, username };
}

/** Refuses (403) unless the actor runs the assessment (its organizer's contests). */
export function requireAssessmentManager(
  ctx: AppContext,
  a: { organizer_unit_id: number },
): Promise<void> {
  return requireContestManager(ctx, a.organizer_unit_id);
}

/** Refuses (403) unless the actor reads the results and adjustments: all of them, or its own line. */
export function requireResultsReader(access: AssessmentAccess, what: string): void {
  if (!access.all && !access.own) throw new DomainError('FORBIDDEN', `没有权限查看${what}`);
}

/** May the actor propose an adjustment for (or attach evidence to one of) this unit? */
export function mayProposeFor(access: AssessmentAccess, unitId: number | undefined): boolean {
  return access.manage || access.lead || (access.own !== undefined && access.own.id === unitId);
}

export function requireProposerFor(
  access: AssessmentAccess,
  unitId: number | undefined,
  what: string,
): void {
  if (!mayProposeFor(access, unitId))
    throw new DomainError('FORBIDDEN', `只能为本单位${what}`, {
      params: { reason: 'ownUnitOnly' },
    });
}

/** May the actor read an adjustment's evidence file (all, or its own unit's)? */
export function requireEvidenceReader(access: AssessmentAccess, unitId: number): void {
  if (!access.all && access.own?.id !== unitId)
    throw new DomainError('FORBIDDEN', '没有权限查看此文件');
}

/** Is the actor one of the raters of this (component, class) form? */
export function requireRater(
  forms: RaterForm[],
  component: { code: string; name: string },
  cls: { code: string; name: string },
): void {
  if (!forms.some((f) => f.component === component.code && f.class.code === cls.code))
    throw new DomainError('FORBIDDEN', `您不是「${component.name}·${cls.name}」的评价人`, {
      params: { reason: 'notRater', component: component.name, class: cls.name },
    });
}

/** What the reader may do with an assessment; the web shows its actions from this. */
export interface AssessmentAbilities {
  manage: boolean;
  /** Reads every unit's line. */
  readAll: boolean;
  /** Rates its forms now (a draft). */
  rate: boolean;
  /** Proposes adjustments (for the units in `proposeFor`). */
  propose: boolean;
  /** Codes of the units the reader proposes for: every participant, or its own. */
  proposeFor: string[];
  /** Publishes the draft; decides pending adjustments while it is a draft. */
  publish: boolean;
  decide: boolean;
  /** Corrects the published assessment. */
  correct: boolean;
}

export function assessmentAbilities(
  access: AssessmentAccess,
  state: 'draft' | 'published',
  participants: Participant[],
): AssessmentAbilities {
  const draft = state !== 'published';
  return {
    manage: access.manage,
    readAll: access.all,
    rate: access.forms.length > 0 && draft,
    propose: access.manage || access.lead || access.own !== undefined,
    proposeFor: participants.filter((p) => mayProposeFor(access, p.id)).map((p) => p.code),
    publish: access.manage && draft,
    decide: access.manage && draft,
    correct: access.manage && !draft,
  };
}
