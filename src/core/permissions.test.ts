import { describe, expect, it } from 'vitest';
import { can, type Principal, parseRoles } from './permissions.ts';

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
    expect(can({ userId: 3, unitId: 1, roles: ['viewer', 'admin'] }, 'audit.read', otherTown)).toBe(
      true,
    );
  });
});

describe('parseRoles', () => {
  it('keeps known roles only', () => {
    expect(parseRoles('admin, viewer,root')).toEqual(['admin', 'viewer']);
  });
});
