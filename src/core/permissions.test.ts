import { describe, expect, it } from 'vitest';
import {
  can,
  effectiveRoles,
  type Principal,
  parseRoles,
  separationConflict,
} from './permissions.ts';

// county 1 › town 2 › village 3; town 4 is a sibling of town 2.
const village = { unitPath: [1, 2, 3] };
const otherTown = { unitPath: [1, 4] };
const county = { unitPath: [1] };

describe('can', () => {
  const townAdmin: Principal = { userId: 1, unitId: 2, roles: ['admin'] };
  const townViewer: Principal = { userId: 2, unitId: 2, roles: ['viewer'] };

  it.each([
    ['town admin, own village', townAdmin, village, true],
    ['town admin, the town itself', townAdmin, { unitPath: [1, 2] }, true],
    ['town admin, another town', townAdmin, otherTown, false],
    ['town admin, the county above', townAdmin, county, false],
    ['viewer, own subtree', townViewer, village, false],
  ])('unit.manage: %s → %s', (_label, principal, scope, expected) => {
    expect(can(principal, 'unit.manage', scope)).toBe(expected);
  });

  it('lets a user with several roles act through any of them', () => {
    expect(
      can({ userId: 3, unitId: 1, roles: ['viewer', 'admin'] }, 'user.manage', otherTown),
    ).toBe(true);
  });
});

describe('三权分立 separation of duties', () => {
  const admin = (separation: boolean): Principal => ({
    userId: 1,
    unitId: 1,
    roles: effectiveRoles(['admin', 'organizer'], separation),
  });

  it('lets an admin grant roles and read the audit log only while separation is off', () => {
    for (const action of ['user.grant', 'audit.read', 'security.manage'] as const) {
      expect(can(admin(false), action, village)).toBe(true);
      expect(can(admin(true), action, village)).toBe(false);
    }
    expect(can(admin(true), 'user.manage', village)).toBe(true);
  });

  it('gives the security admin roles and the auditor the log, and neither the other', () => {
    const sec: Principal = { userId: 2, unitId: 1, roles: ['secadmin'] };
    const aud: Principal = { userId: 3, unitId: 1, roles: ['auditor'] };
    expect(can(sec, 'user.grant', village)).toBe(true);
    expect(can(sec, 'audit.read', village)).toBe(false);
    expect(can(aud, 'audit.read', village)).toBe(true);
    expect(can(aud, 'user.grant', village)).toBe(false);
    expect(can(aud, 'user.manage', village)).toBe(false);
  });

  it('names the separated roles a user would hold two of', () => {
    expect(separationConflict(['admin', 'organizer'])).toEqual([]);
    expect(separationConflict(['admin', 'auditor'])).toEqual(['admin', 'auditor']);
    expect(separationConflict(['secadmin', 'auditor', 'viewer'])).toEqual(['secadmin', 'auditor']);
  });
});

describe('parseRoles', () => {
  it('keeps known roles only', () => {
    expect(parseRoles('admin, viewer,root')).toEqual(['admin', 'viewer']);
  });
});
