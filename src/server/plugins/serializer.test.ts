import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.ts';

describe('response serializer', () => {
  const schema = z.object({ items: z.array(z.object({ name: z.string() })), total: z.number() });
  const compile = () =>
    serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

  it('strips what the schema does not name, frozen or not', () => {
    const serialize = compile();
    const answer = { items: [{ name: 'a', secret: 1 }], total: 1, internal: true };
    expect(serialize(answer)).toBe('{"items":[{"name":"a"}],"total":1}');
    expect(serialize(Object.freeze({ ...answer }))).toBe('{"items":[{"name":"a"}],"total":1}');
  });

  it('makes a frozen answer’s JSON once; an ordinary one every time', () => {
    const serialize = compile();
    const cached = Object.freeze({ items: [{ name: 'a' }], total: 1 });
    const first = serialize(cached);
    // Changing what lies beneath a frozen answer breaks the cache's contract: the JSON already made stays.
    (cached.items as { name: string }[]).push({ name: 'b' });
    expect(serialize(cached)).toBe(first);
    const plain = { items: [{ name: 'a' }], total: 1 };
    serialize(plain);
    plain.items.push({ name: 'b' });
    expect(serialize(plain)).toBe('{"items":[{"name":"a"},{"name":"b"}],"total":1}');
  });

  it('refuses an answer that does not fit its schema', () => {
    expect(() => compile()(Object.freeze({ items: 'no', total: 1 }))).toThrow();
  });
});
