import { describe, expect, it } from 'vitest';
import { derive, VersionedCache } from './versioned-cache.ts';

describe('VersionedCache', () => {
  const handle = {};

  it('computes once per key and version; a new version computes again', async () => {
    const cache = new VersionedCache<string>(10);
    let runs = 0;
    const compute = async () => `v${++runs}`;
    const [a, b] = await Promise.all([
      cache.get(handle, 1, 'k', compute),
      cache.get(handle, 1, 'k', compute),
    ]);
    expect([a, b, runs]).toEqual(['v1', 'v1', 1]);
    expect(await cache.get(handle, 2, 'k', compute)).toBe('v2');
    expect(await cache.get(handle, 2, 'k', compute)).toBe('v2');
    // Another handle (another database) never sees this one's answers.
    expect(await cache.get({}, 2, 'k', compute)).toBe('v3');
  });

  it('forgets a failed computation', async () => {
    const cache = new VersionedCache<number>(10);
    await expect(
      cache.get(handle, 1, 'k', () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    expect(await cache.get(handle, 1, 'k', async () => 7)).toBe(7);
  });

  it('keeps at most its capacity in weight, dropping the oldest first', async () => {
    const cache = new VersionedCache<number[]>(10, (rows) => rows.length);
    const rows = (n: number) => async () => Array.from({ length: n }, (_, i) => i);
    await cache.get(handle, 1, 'a', rows(4));
    await cache.get(handle, 1, 'b', rows(4));
    await cache.get(handle, 1, 'c', rows(4)); // 12 > 10: 'a' goes
    let recomputed = 0;
    const again = (key: string) =>
      cache.get(handle, 1, key, async () => {
        recomputed++;
        return [];
      });
    await again('b');
    await again('c');
    expect(recomputed).toBe(0);
    await again('a');
    expect(recomputed).toBe(1);
    // One answer heavier than the whole capacity is still kept (alone).
    const big = await cache.get(handle, 1, 'big', rows(50));
    expect(await cache.get(handle, 1, 'big', rows(1))).toBe(big);
  });

  it('derives one frozen answer per cached value and key', () => {
    const board = [3, 2, 1];
    let made = 0;
    const page = (limit: number) =>
      derive(board, `limit ${limit}`, () => {
        made++;
        return { rows: board.slice(0, limit) };
      });
    expect(page(2)).toBe(page(2));
    expect(page(2).rows).toEqual([3, 2]);
    expect(page(1).rows).toEqual([3]);
    expect(made).toBe(2);
    expect(Object.isFrozen(page(2))).toBe(true);
    // Another value (the board after the version moved) makes its own.
    expect(derive([3, 2, 1], 'limit 2', () => ({ rows: [] })).rows).toEqual([]);
  });
});
