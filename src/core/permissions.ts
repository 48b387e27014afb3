/**
 * Who may do what (DESIGN §1): one table, by role and unit subtree. Pure: the caller passes the
 * path of the target's unit (ids from the root down), so no database is needed to decide.
 */

export const ROLES = ['admin', 'organizer', 'evaluator', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  organizer: '组织单位',
  evaluator: '牵头责任科室',
  reporter: '填报员',
  viewer: '领导',
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
  'user.read': (p, s) => has(p, 'admin') && inSubtree(p, s),
  'user.manage': (p, s) => has(p, 'admin') && inSubtree(p, s),
  'token.manage': (p, s) => has(p, 'admin') && inSubtree(p, s),
  'audit.read': (p, s) => has(p, 'admin') && inSubtree(p, s),
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
