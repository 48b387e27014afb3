import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

/**
 * Every answer is checked against its route's zod schema (what is not in it is stripped) and
 * stringified, as fastify-type-provider-zod does. An answer served from a cache
 * (app/versioned-cache.ts) is frozen and the same object on every request: its JSON is made once,
 * the first time, and reused while the cache keeps the object.
 */
export const serializerCompiler: typeof zodSerializerCompiler = (route) => {
  const serialize = zodSerializerCompiler(route);
  const made = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null || !Object.isFrozen(data)) return serialize(data);
    let json = made.get(data);
    if (json === undefined) {
      json = serialize(data);
      made.set(data, json);
    }
    return json;
  };
};
