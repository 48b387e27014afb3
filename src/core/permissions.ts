/**
 * Who may do what (DESIGN §1): one table, by role and unit subtree. Pure: the caller passes the
 * path of the target's unit (ids from the root down), so no database is needed to decide.
 */

export const ROLES = [
  'admin',
  'organizer',
  'evaluator',
  'reporter',
  'viewer',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  organizer: '组织单位',
  evaluator: '牵头责任科室',
  reporter: '填报员',
  viewer: '领导',
  secadmin: '安全管理员',
  auditor: '审计管理员',
};

export interface Principal {
  userId: number;
  /** The unit the user belongs to. */
  unitId: number;
  roles: readonly Role[];
}

/** Where an action lands: the unit it concerns, as the ids from the root down to that unit. */
export interface Scope {
  unitPath: readonly number[];
}

export type Action =
  | 'contest.manage'
  | 'contest.read'
  | 'unit.manage'
  | 'user.read'
  | 'user.manage'
  | 'token.manage'
  | 'audit.read'
  | 'user.grant'
  | 'security.manage'
  | 'points.manage'
  | 'points.read';

type Rule = (p: Principal, scope: Scope) => boolean;

const has = (p: Principal, role: Role) => p.roles.includes(role);
/** Admins, organizers and viewers act within their unit's subtree (DESIGN §1). */
const inSubtree = (p: Principal, scope: Scope) => scope.unitPath.includes(p.unitId);
const ownUnit = (p: Principal, scope: Scope) => scope.unitPath.at(-1) === p.unitId;

const RULES: Record<Action, Rule> = {
  // Scope: the contest's organizer unit. Organizers run contests for units in their subtree.
  'contest.manage': (p, s) => (has(p, 'admin') || has(p, 'organizer')) && inSubtree(p, s),
  'contest.read': (p, s) =>
    (has(p, 'admin') || has(p, 'organizer') || has(p, 'viewer')) && inSubtree(p, s),
  'unit.manage': (p, s) => has(p, 'admin') && inSubtree(p, s),
  'user.manage': (p, s) => has(p, 'admin') && inSubtree(p, s),
  'token.manage': (p, s) => has(p, 'admin') && inSubtree(p, s),
  // 三权分立 (DESIGN §1): roles, locks, the password policy and second factors belong to the
  // security admin; the audit log to the auditor. Without separation an admin acts as both
  // (effectiveRoles), so these rules need no second form.
  'audit.read': (p, s) => has(p, 'auditor') && inSubtree(p, s),
  'user.read': (p, s) => (has(p, 'admin') || has(p, 'secadmin')) && inSubtree(p, s),
  'user.grant': (p, s) => has(p, 'secadmin') && inSubtree(p, s),
  'security.manage': (p, s) => has(p, 'secadmin') && inSubtree(p, s),
  // Party-member points (DESIGN §10): towns and the county keep rules and branches and read
  // everything below them; branch clerks and secretaries act through points_assignments instead.
  'points.manage': (p, s) => (has(p, 'admin') || has(p, 'organizer')) && inSubtree(p, s),
  'points.read': (p, s) =>
    (has(p, 'admin') || has(p, 'organizer') || has(p, 'viewer')) && inSubtree(p, s),
};

/** True when the principal may perform the action on something in the scope. */
export function can(principal: Principal, action: Action, scope: Scope): boolean {
  return RULES[action](principal, scope);
}

/** True when the principal acts for exactly the scope's unit (a reporter's own unit). */
export function isOwnUnit(principal: Principal, scope: Scope): boolean {
  return ownUnit(principal, scope);
}

export function parseRoles(text: string): Role[] {
  return text
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

/** The three roles of 三权分立: no user holds two of them (DESIGN §1). */
export const SEPARATED_ROLES: readonly Role[] = ['admin', 'secadmin', 'auditor'];

/** Roles that may be required to sign in with a second factor. */
export const PRIVILEGED_ROLES: readonly Role[] = SEPARATED_ROLES;

/** The separated roles a set of roles holds more than one of, or [] when it is fine. */
export function separationConflict(roles: readonly Role[]): Role[] {
  const held = SEPARATED_ROLES.filter((r) => roles.includes(r));
  return held.length > 1 ? held : [];
}

/**
 * The roles a user acts with. With separation of duties off (today's default) an admin also acts
 * as security admin and auditor, as it always has; with it on, roles are taken as they are.
 */
export function effectiveRoles(roles: readonly Role[], separation: boolean): Role[] {
  if (separation || !roles.includes('admin')) return [...roles];
  return [...new Set<Role>([...roles, 'secadmin', 'auditor'])];
}
