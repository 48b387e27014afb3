import { expect, it } from 'vitest';
import { PublishedRoundCache } from './public.ts';

const body = (revision: number) => ({ etag: `"r1.${revision}"`, json: '{}', revision });

it('trusts an entry for the recheck interval, then confirms it against the revision', () => {
  let now = 0;
  const cache = new PublishedRoundCache(10, 1000, () => now);
  expect(cache.fresh(1)).toBeUndefined();
  cache.set(1, body(0));
  now = 999;
  expect(cache.fresh(1)?.revision).toBe(0);
  now = 1000;
  expect(cache.fresh(1)).toBeUndefined();
  expect(cache.confirm(1, 0)?.revision).toBe(0);
  expect(cache.fresh(1)?.revision).toBe(0);
  now = 5000;
  // Another server corrected the round: revision 1 in the database.
  expect(cache.confirm(1, 1)).toBeUndefined();
});

it('drops a corrected round at once and evicts the oldest when full', () => {
  const cache = new PublishedRoundCache(2, 1000, () => 0);
  cache.set(1, body(0));
  cache.invalidate(1);
  expect(cache.fresh(1)).toBeUndefined();
  cache.set(1, body(0));
  cache.set(2, body(0));
  cache.set(3, body(0));
  expect(cache.fresh(1)).toBeUndefined();
  expect(cache.fresh(3)).toBeDefined();
});
