/**
 * Who may do what in the project ledger (DESIGN §9). The planning office is a department named
 * in the configuration (LEITAI_LEDGER_OFFICE): it sets plans, moves projects through the library
 * and runs the problem loop county-wide. A responsible unit reads and reports its own projects;
 * admins plan within their subtree, organizers manage there, viewers read there.
 */
import type { Config } from '../../config.ts';
import { DomainError } from '../../core/errors.ts';
import type { LightThresholds } from '../../core/ledger.ts';
import type { ProjectScope } from '../../db/ledger.repository.ts';
import { findUnit, pathsOf } from '../../db/unit.repository.ts';
import { type AppContext, versionsOf } from '../context.ts';
import { VersionedCache } from '../versioned-cache.ts';
import { requireUser } from './gate.ts';

export interface LedgerSettings {
  /** Code of the planning office unit. */
  office: string;
  thresholds: LightThresholds;
}

export function ledgerSettings(config: Readonly<Config>): LedgerSettings {
  return {
    office: config.ledgerOffice,
    thresholds: {
      redBehind: config.lightRedBehind,
      yellowBehind: config.lightYellowBehind,
      redMilestoneDays: config.lightRedMilestoneDays,
      redProblemDays: config.lightRedProblemDays,
    },
  };
}

/** A use case's context in the ledger: the usual one plus the ledger's settings. */
export interface LedgerContext extends AppContext {
  ledger: LedgerSettings;
}

export interface LedgerAccess {
  read: boolean;
  /** Report for the unit: details, completed investment, milestones reached, log, replies. */
  report: boolean;
  /** Run the ledger: library states, task forces, the problem loop, publishing. */
  manage: boolean;
  /** Set plans: planned investment, planned milestones, total investment, kind, unit. */
  plan: boolean;
}

const ALL: LedgerAccess = { read: true, report: true, manage: true, plan: true };
const NONE: LedgerAccess = { read: false, report: false, manage: false, plan: false };

/** Roles that work with the data; leaders read, and security and audit admins stay out (三权分立). */
const WORKING_ROLES = new Set(['admin', 'organizer', 'evaluator', 'reporter']);
const works = (roles: readonly string[]) => roles.some((r) => WORKING_ROLES.has(r));

const offices = new VersionedCache<number | null>(16);

/** The planning office's unit id; in a request, kept until the unit tree changes. */
export function officeId(ctx: LedgerContext): Promise<number | null> {
  const read = async () => (await findUnit(ctx.db, ctx.ledger.office))?.id ?? null;
  const versions = versionsOf(ctx);
  return versions ? offices.get(ctx.db, versions.units, ctx.ledger.office, read) : read();
}

/** True when the signed-in actor belongs to the planning office (and is not a mere reader). */
export async function isPlanningOffice(ctx: LedgerContext): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.unitId === null) return false;
  return actor.unitId === (await officeId(ctx)) && works(actor.roles);
}

/** What the actor may do with the projects of a responsible unit. */
export async function ledgerAccess(ctx: LedgerContext, unitId: number): Promise<LedgerAccess> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return ALL;
  const roles = actor.roles;
  const acting = works(roles);
  if (actor.unitId === (await officeId(ctx))) {
    return acting ? ALL : { ...NONE, read: true };
  }
  const path = (await pathsOf(ctx.db, [unitId])).get(unitId) ?? [];
  const inSubtree = path.some((u) => u.id === actor.unitId);
  const own = actor.unitId === unitId;
  const plan = inSubtree && roles.includes('admin');
  const manage = plan || (inSubtree && roles.includes('organizer'));
  const report = manage || (own && acting);
  const read = report || (inSubtree && roles.includes('viewer')) || own;
  return { read, report, manage, plan };
}

/** Which projects the actor's lists hold (`office`: the planning office's unit id, when already read). */
export async function ledgerScope(
  ctx: LedgerContext,
  office?: number | null,
): Promise<ProjectScope> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.unitId === (office === undefined ? await officeId(ctx) : office))
    return { kind: 'all' };
  if (actor.roles.some((r) => r === 'admin' || r === 'organizer' || r === 'viewer')) {
    return { kind: 'subtree', rootId: actor.unitId! };
  }
  return { kind: 'unit', unitId: actor.unitId! };
}

export function forbidden(message: string, field?: string): DomainError {
  return new DomainError('FORBIDDEN', message, field ? { field } : undefined);
}
