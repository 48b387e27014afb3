// Ids as every route and use case takes them. Id columns are PostgreSQL `integer`: a larger
// number names nothing and would make the driver throw, so it is refused at the edge (400).
import { z } from 'zod';

/** The largest value an id (or version, revision, offset) column holds. */
export const MAX_ID = 2_147_483_647;

/** True when `text` is the decimal form of an id the columns can hold. */
export function isId(text: string | number): boolean {
  const s = String(text);
  return /^\d{1,10}$/.test(s) && Number(s) >= 1 && Number(s) <= MAX_ID;
}

const ID_MESSAGE = `编号必须是1到${MAX_ID}的整数`;

/** An id in a JSON body. */
export const IdNumber = z.number().int().min(1, ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** An id in a query string. */
export const IdQuery = z.coerce.number().int().min(1, ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** A count that must fit a column too (version, revision, offset): 0 … MAX_ID. */
export const CountQuery = z.coerce.number().int().min(0).max(MAX_ID);
/** An id in a path, kept as text (use cases take it as written). */
export const IdText = z.string().refine(isId, ID_MESSAGE);
/** A unit, user, or other record named by id or by its code / username. */
export const RefText = z.string().min(1).max(200);
/** A record named by code (text) or by id (number) in a JSON body. */
export const Ref = z.union([RefText, IdNumber]);
