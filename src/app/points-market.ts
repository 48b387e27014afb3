/**
 * The points market (积分超市, DESIGN §10): a village's items with their stock, redeemed by its
 * party members against their balance — every point they have counted, less what they have
 * spent. Spending never lowers the ranking points: leaderboards read records only.
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { lockedInTransaction } from '../db/dialect.ts';
import { countedAllTime, findBranch, findBranchByUnit } from '../db/points.repository.ts';
import {
  changeStock,
  findItem,
  insertItem,
  insertRedemption,
  listItems,
  redemptionsOf,
  spentBy,
} from '../db/points-market.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { IdNumber, isId, Ref } from './ids.ts';
import { refuseIdNumbers, requireMember } from './points.ts';
import { branchAccess, forbidden, keepsRegisters, requireMemberReader } from './policies/points.ts';

/** The village's branch and what the actor may do there; a market needs the village's branch. */
async function villageBranch(ctx: AppContext, ref: string | number, field: string) {
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, { params: { unit: ref }, field });
  const branch = await findBranchByUnit(ctx.db, unit.id);
  if (!branch)
    throw new DomainError('VALIDATION', `「${unit.name}」没有党支部，不能开设积分超市`, {
      params: { reason: 'noBranch', unit: unit.name },
      field,
    });
  return { unit, branch, access: await branchAccess(ctx, branch) };
}

export async function marketItems(ctx: AppContext, query: { unit: string }) {
  const { unit, access } = await villageBranch(ctx, query.unit, 'unit');
  if (!access.read) throw forbidden('查看积分超市');
  const items = await listItems(ctx.db, unit.id);
  return { items, total: items.length };
}

export const ItemInput = z.object({
  unit: Ref,
  name: z.string().trim().min(1, '请填写物品名称').max(50),
  /** Points one of it costs. */
  cost: z.number().int().min(1, '兑换分值至少为 1').max(100_000),
  stock: z.number().int().min(0).max(1_000_000),
});
export type ItemInput = z.infer<typeof ItemInput>;

/** The village clerk or secretary (or the town) puts an item on the village's shelves. */
export function createItem(ctx: AppContext, input: ItemInput) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ name: input.name });
    const { unit, access } = await villageBranch(tx, input.unit, 'unit');
    if (!keepsRegisters(access)) throw forbidden('管理积分超市');
    const item = await insertItem(
      tx.db,
      { unitId: unit.id, name: input.name, cost: input.cost, stock: input.stock },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'points.market.item',
      entityType: 'points_market_item',
      entityId: item.id,
      unitId: unit.id,
      after: item,
    });
    return item;
  });
}

export const StockInput = z.object({
  /** Added to the stock (negative: written off); the stock never falls below zero. */
  add: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, '数量不能为 0'),
  note: z.string().trim().max(200).nullable().optional(),
});

export function restock(ctx: AppContext, itemId: string, input: z.infer<typeof StockInput>) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const item = isId(itemId) ? await findItem(tx.db, Number(itemId)) : undefined;
    if (!item)
      throw new DomainError('NOT_FOUND', `物品不存在：${itemId}`, {
        params: { reason: 'item', id: itemId },
      });
    const { access } = await villageBranch(tx, item.unitId, 'item');
    if (!keepsRegisters(access)) throw forbidden('管理积分超市');
    const after = await changeStock(tx.db, item.id, input.add);
    if (!after)
      throw new DomainError('OUT_OF_STOCK', `库存 ${item.stock}，不能减少 ${-input.add}`, {
        params: { reason: 'belowZero', stock: item.stock },
        stock: item.stock,
      });
    await audit(tx, {
      action: 'points.market.stock',
      entityType: 'points_market_item',
      entityId: item.id,
      unitId: item.unitId,
      before: { stock: item.stock },
      after: { stock: after.stock, note: input.note ?? null },
    });
    return after;
  });
}

/** What a member may spend: points counted (every year) less points spent. */
async function balanceOf(ctx: AppContext, memberId: number) {
  const earned = await countedAllTime(ctx.db, memberId);
  const spent = await spentBy(ctx.db, memberId);
  return { earned, spent, balance: earned - spent };
}

export const RedemptionInput = z.object({
  member: IdNumber,
  item: IdNumber,
  quantity: z.number().int().min(1).max(1000).default(1),
});
export type RedemptionInput = z.input<typeof RedemptionInput>;

/** 兑换: recorded by the village's clerk (or secretary) against the member's balance and the stock. */
export function redeem(ctx: AppContext, raw: RedemptionInput) {
  const input = RedemptionInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const member = await requireMember(tx, input.member);
    const branch = (await findBranch(tx.db, member.branchId))!;
    if (!keepsRegisters(await branchAccess(tx, branch))) throw forbidden('登记兑换');
    if (member.status === 'transferred_out')
      throw new DomainError(
        'MEMBER_TRANSFERRED',
        `${member.name} 已于 ${member.transferredOutOn} 转出`,
        { params: { member: member.name, date: member.transferredOutOn ?? '' }, field: 'member' },
      );
    const item = await findItem(tx.db, input.item);
    if (!item || item.unitId !== branch.unitId || !item.active)
      throw new DomainError('VALIDATION', `物品不在本村积分超市：${input.item}`, {
        params: { reason: 'itemNotInMarket', item: input.item },
        field: 'item',
      });
    const points = item.cost * input.quantity;
    // One redemption of a member at a time: the balance read below holds until this commits.
    await lockedInTransaction(
      tx.db,
      tx.db.selectFrom('points_members').select('id').where('id', '=', member.id),
    ).execute();
    const before = await balanceOf(tx, member.id);
    if (before.balance < points)
      throw new DomainError(
        'INSUFFICIENT_POINTS',
        `${member.name} 可用积分 ${before.balance}，兑换需 ${points}`,
        {
          params: { member: member.name, balance: before.balance, points },
          balance: before.balance,
          needed: points,
        },
      );
    const stocked = await changeStock(tx.db, item.id, -input.quantity);
    if (!stocked)
      throw new DomainError('OUT_OF_STOCK', `「${item.name}」库存不足（剩 ${item.stock}）`, {
        params: { item: item.name, stock: item.stock },
        stock: item.stock,
      });
    const now = tx.clock.now().toISOString();
    const redemption = await insertRedemption(
      tx.db,
      {
        memberId: member.id,
        itemId: item.id,
        quantity: input.quantity,
        points,
        redeemedOn: now.slice(0, 10),
        recordedBy: tx.actor.userId,
      },
      now,
    );
    await audit(tx, {
      action: 'points.market.redeem',
      entityType: 'points_member',
      entityId: member.id,
      unitId: branch.unitId,
      before: { balance: before.balance, stock: item.stock },
      after: { redemption, balance: before.balance - points, stock: stocked.stock },
    });
    return { redemption, balance: before.balance - points, stock: stocked.stock };
  });
}

/** A member's balance and redemptions (for the member, the branch and the levels above). */
export async function memberBalance(ctx: AppContext, memberId: string) {
  const member = await requireMember(ctx, memberId);
  const branch = (await findBranch(ctx.db, member.branchId))!;
  await requireMemberReader(ctx, branch, member, '查看该党员积分');
  return {
    memberId: member.id,
    ...(await balanceOf(ctx, member.id)),
    redemptions: await redemptionsOf(ctx.db, member.id),
  };
}
