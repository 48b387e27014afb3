import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { UNIT_KINDS, type Unit, type UnitRef } from '../core/units.ts';
import type { Database } from '../db/schema.ts';
import {
  childCounts,
  findUnit,
  insertUnit,
  isInSubtree,
  listChildren,
  pathsOf,
  searchUnits,
  type UnitChanges,
  updateUnit,
} from '../db/unit.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, Ref } from './ids.ts';
import { requireParentManager, requireUnitManager } from './policies/unit.ts';

/** A unit as the API presents it. */
export interface UnitView extends Unit {
  childCount: number;
  path?: UnitRef[];
}

const UnitRefInput = Ref;

export const CreateUnit = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, '编码只能包含字母、数字、下划线和连字符'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(UNIT_KINDS),
  parent: UnitRefInput.nullable().optional(),
});
export type CreateUnit = z.infer<typeof CreateUnit>;

export const UpdateUnit = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    parent: UnitRefInput.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '至少需要修改一项');
export type UpdateUnit = z.infer<typeof UpdateUnit>;

export const ListUnits = z.object({
  parent: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: CountQuery.default(0),
});
export type ListUnits = z.infer<typeof ListUnits>;

async function requireUnit(db: Kysely<Database>, idOrCode: string | number): Promise<Unit> {
  const unit = await findUnit(db, idOrCode);
  if (!unit)
    throw new DomainError('UNIT_NOT_FOUND', `单位不存在：${idOrCode}`, {
      params: { unit: idOrCode },
    });
  return unit;
}

async function present(
  db: Kysely<Database>,
  units: Unit[],
  withPath: boolean,
): Promise<UnitView[]> {
  const ids = units.map((u) => u.id);
  const [counts, paths] = await Promise.all([
    childCounts(db, ids),
    withPath ? pathsOf(db, ids) : Promise.resolve(undefined),
  ]);
  return units.map((u) => ({
    ...u,
    childCount: counts.get(u.id) ?? 0,
    ...(paths ? { path: paths.get(u.id) ?? [] } : {}),
  }));
}

/** Children of a unit, the roots, or a search anywhere in the tree (with paths). */
export async function listUnits(db: Kysely<Database>, query: ListUnits) {
  const options = { kind: query.kind, limit: query.limit, offset: query.offset };
  if (query.q) {
    const found = await searchUnits(db, query.q, options);
    return { items: await present(db, found.items, true), total: found.total };
  }
  const parent = query.parent ? await requireUnit(db, query.parent) : undefined;
  const found = await listChildren(db, parent?.id ?? null, options);
  return { items: await present(db, found.items, false), total: found.total };
}

/** One unit with its path from the root. */
export async function getUnit(db: Kysely<Database>, idOrCode: string): Promise<UnitView> {
  const unit = await requireUnit(db, idOrCode);
  const [view] = await present(db, [unit], true);
  return view!;
}

async function resolveParent(db: Kysely<Database>, ref: string | number | null | undefined) {
  if (ref === null || ref === undefined) return null;
  const parent = await findUnit(db, ref);
  if (!parent) {
    throw new DomainError('UNKNOWN_PARENT', `上级单位不存在：${ref}`, {
      params: { unit: ref },
      field: 'parent',
    });
  }
  return parent;
}

/** Creates a custom unit, such as a county department, under a parent. */
export function createUnit(ctx: AppContext, input: CreateUnit): Promise<UnitView> {
  return inTransaction(ctx, async (tx) => {
    const { db, clock } = tx;
    const parent = await resolveParent(db, input.parent);
    await requireParentManager(tx, parent, 'create');
    if (await findUnit(db, input.code)) {
      throw new DomainError('DUPLICATE_CODE', `编码已被使用：${input.code}`, {
        params: { code: input.code },
        field: 'code',
      });
    }
    const unit = await insertUnit(
      db,
      {
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        source: 'custom',
      },
      clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: unit,
    });
    return getUnit(db, String(unit.id));
  });
}

/** Renames, moves, re-kinds, deactivates or reactivates a unit; a move into its own subtree is refused. */
export function changeUnit(
  ctx: AppContext,
  idOrCode: string,
  input: UpdateUnit,
): Promise<UnitView> {
  return inTransaction(ctx, async (tx) => {
    const { db, clock } = tx;
    const unit = await requireUnit(db, idOrCode);
    await requireUnitManager(tx, unit.id);
    const changes: UnitChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.active !== undefined) changes.active = input.active;
    if (input.parent !== undefined) {
      const parent = await resolveParent(db, input.parent);
      await requireParentManager(tx, parent, 'move');
      if (parent && (await isInSubtree(db, unit.id, parent.id))) {
        throw new DomainError(
          'CYCLE',
          `不能把「${unit.name}」移到它自己或它的下级「${parent.name}」之下`,
          { params: { unit: unit.name, parent: parent.name }, field: 'parent' },
        );
      }
      changes.parentId = parent?.id ?? null;
    }
    const after = await updateUnit(db, unit.id, changes, clock.now().toISOString());
    await audit(tx, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      before: unit,
      after,
    });
    return getUnit(db, String(unit.id));
  });
}
