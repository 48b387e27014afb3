/** The points market (积分超市, DESIGN §10): items with stock per village, and redemptions. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { PointsMarketItemTable, PointsRedemptionTable } from './schema-points.ts';

type Db = Kysely<Database>;

export interface MarketItem {
  id: number;
  unitId: number;
  name: string;
  cost: number;
  stock: number;
  active: boolean;
}
export interface Redemption {
  id: number;
  memberId: number;
  itemId: number;
  quantity: number;
  points: number;
  redeemedOn: string;
  recordedBy: number | null;
  createdAt: string;
}

const itemOf = (r: Selectable<PointsMarketItemTable>): MarketItem => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  cost: r.cost,
  stock: r.stock,
  active: Boolean(r.active),
});
const redemptionOf = (r: Selectable<PointsRedemptionTable>): Redemption => ({
  id: r.id,
  memberId: r.member_id,
  itemId: r.item_id,
  quantity: r.quantity,
  points: r.points,
  redeemedOn: r.redeemed_on,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

export async function insertItem(
  db: Db,
  i: { unitId: number; name: string; cost: number; stock: number },
  now: string,
) {
  const row = await db
    .insertInto('points_market_items')
    .values({ unit_id: i.unitId, name: i.name, cost: i.cost, stock: i.stock, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return itemOf(row);
}
export async function findItem(db: Db, id: number) {
  const row = await db
    .selectFrom('points_market_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && itemOf(row);
}
export async function listItems(db: Db, unitId: number) {
  const rows = await db
    .selectFrom('points_market_items')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map(itemOf);
}
/** Adds to (or, negative, takes from) the stock; undefined when it would fall below zero. */
export async function changeStock(db: Db, id: number, delta: number) {
  const row = await db
    .updateTable('points_market_items')
    .set({ stock: sql`stock + ${delta}` })
    .where('id', '=', id)
    .where('stock', '>=', -delta)
    .returningAll()
    .executeTakeFirst();
  return row && itemOf(row);
}

export async function insertRedemption(
  db: Db,
  r: Omit<Redemption, 'id' | 'createdAt'>,
  now: string,
) {
  const row = await db
    .insertInto('points_redemptions')
    .values({
      member_id: r.memberId,
      item_id: r.itemId,
      quantity: r.quantity,
      points: r.points,
      redeemed_on: r.redeemedOn,
      recorded_by: r.recordedBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return redemptionOf(row);
}
export async function redemptionsOf(db: Db, memberId: number) {
  const rows = await db
    .selectFrom('points_redemptions')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
  return rows.map(redemptionOf);
}
export async function spentBy(db: Db, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('points_redemptions')
    .select(sql<number>`coalesce(sum(points), 0)`.as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
