/** Response schemas: what the API presents, shared by routes and the OpenAPI document. */
import { z } from 'zod';
import { ROLES } from '../../core/permissions.ts';
import { UNIT_KINDS } from '../../core/units.ts';

export const UnitRef = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
});

export const UnitView = UnitRef.extend({
  parentId: z.number().nullable(),
  active: z.boolean(),
  childCount: z.number(),
  path: z.array(UnitRef).optional(),
});

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  createdAt: z.string(),
});

/** A user with the one-time password made for them (create without password, or reset). */
export const UserWithSecret = z.object({ user: UserView, password: z.string().optional() });

export const SessionView = z.object({
  user: UserView,
  unit: UnitRef,
  unitPath: z.array(UnitRef),
  /** Echo it in the X-CSRF-Token header of every cookie-authenticated mutation. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const TokenView = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const AuditEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string(),
  unitId: z.number().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number() });

export const IdParam = z.object({ id: z.string().min(1) });
