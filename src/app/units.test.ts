import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { DomainError } from '../core/errors.ts';
import { loadDemo } from './demo.ts';
import { importDivision } from './import-division.ts';
import { changeUnit, createUnit, getUnit, listUnits } from './units.ts';

const page = { limit: 50, offset: 0 };

async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describeEachDialect('units', (use) => {
  it('imports Yishui County with its 18 towns/streets and 386 villages, under 山东省 › 临沂市', async () => {
    const { ctx } = use();
    const summary = await importDivision(ctx, '371323');
    expect(summary).toMatchObject({ name: '沂水县', inserted: summary.total, updated: 0 });
    const towns = await listUnits(ctx.db, { parent: '371323', ...page });
    expect(towns.total).toBe(18);
    expect(towns.items.map((t) => t.kind)).toEqual(expect.arrayContaining(['street', 'town']));
    const villages = towns.items.reduce((n, t) => n + t.childCount, 0);
    expect(villages).toBe(386);
    const village = await getUnit(ctx.db, '371323104276');
    expect(village.name).toBe('尧崖头村');
    expect(village.kind).toBe('village');
    expect(village.path?.map((u) => u.name)).toEqual([
      '山东省',
      '临沂市',
      '沂水县',
      '黄山铺镇',
      '尧崖头村',
    ]);
  });

  it('re-imports idempotently and applies renames', async () => {
    const { ctx } = use();
    await changeUnit(ctx, '371323104', { name: '旧名镇' });
    const again = await importDivision(ctx, '371323');
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: again.total - 1 });
    expect((await getUnit(ctx.db, '371323104')).name).toBe('黄山铺镇');
    const roots = await listUnits(ctx.db, page);
    expect(roots.items.map((r) => r.code)).toEqual(['37']);
  });

  it('refuses an unknown division code and writes nothing', async () => {
    const { ctx } = use();
    const before = (await listUnits(ctx.db, { parent: '3713', ...page })).total;
    expect(await domainCode(importDivision(ctx, '371399'))).toBe('UNKNOWN_DIVISION');
    expect(await domainCode(importDivision(ctx, 'abc'))).toBe('UNKNOWN_DIVISION');
    expect((await listUnits(ctx.db, { parent: '3713', ...page })).total).toBe(before);
  });

  it('searches by name and by code prefix, with paths', async () => {
    const { ctx } = use();
    const byName = await listUnits(ctx.db, { q: '尧崖头', ...page });
    expect(byName.items.map((u) => u.code)).toEqual(['371323104276']);
    expect(byName.items[0]?.path?.at(-2)?.name).toBe('黄山铺镇');
    const byCode = await listUnits(ctx.db, { q: '371323104', ...page });
    expect(byCode.total).toBe(19);
    const percent = await listUnits(ctx.db, { q: '%', ...page });
    expect(percent.total).toBe(0);
  });

  it('creates, renames, moves and deactivates departments; refuses duplicates and cycles', async () => {
    const { ctx } = use();
    await loadDemo(ctx, { contests: false });
    const depts = await listUnits(ctx.db, { parent: '371323', kind: 'department', ...page });
    expect(depts.total).toBeGreaterThanOrEqual(10);
    expect(depts.items.map((d) => d.name)).toContain('县委组织部');

    const office = await createUnit(ctx, {
      code: 'ys-kh',
      name: '考核办',
      kind: 'department',
      parent: '371323',
    });
    expect(office.path?.map((u) => u.code)).toEqual(['37', '3713', '371323', 'ys-kh']);
    expect(await domainCode(createUnit(ctx, { code: 'ys-kh', name: 'x', kind: 'other' }))).toBe(
      'DUPLICATE_CODE',
    );
    expect(
      await domainCode(createUnit(ctx, { code: 'ys-x', name: 'x', kind: 'other', parent: 'nope' })),
    ).toBe('UNKNOWN_PARENT');

    const moved = await changeUnit(ctx, 'ys-kh', { name: '县委考核办', parent: '371323-D01' });
    expect(moved.path?.map((u) => u.name).slice(-2)).toEqual(['县委组织部', '县委考核办']);
    expect(await domainCode(changeUnit(ctx, '371323-D01', { parent: 'ys-kh' }))).toBe('CYCLE');
    expect(await domainCode(changeUnit(ctx, 'ys-kh', { parent: 'ys-kh' }))).toBe('CYCLE');
    expect((await getUnit(ctx.db, 'ys-kh')).path?.at(-2)?.code).toBe('371323-D01');

    const off = await changeUnit(ctx, String(moved.id), { active: false });
    expect(off.active).toBe(false);
    expect(await domainCode(changeUnit(ctx, 'no-such', { active: false }))).toBe('UNIT_NOT_FOUND');
  });
});
