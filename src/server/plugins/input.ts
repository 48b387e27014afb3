// One gate for text from outside: a NUL byte or a lone surrogate anywhere in the path, the query,
// a JSON body or a multipart field is refused with 400 before it can reach the database driver
// (PostgreSQL refuses NUL in text and answers invalid UTF-8 with an error).
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.ts';

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) in `value` holding a NUL or a lone surrogate. */
export function badTextAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = badTextAt(value[i], `${path}[${i}]`, depth + 1);
      if (at) return at;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (BAD_TEXT.test(key)) return `${path}.${key.replace(BAD_TEXT, '?')}`;
    const at = badTextAt(item, `${path}.${key}`, depth + 1);
    if (at) return at;
  }
  return undefined;
}

/** Throws the 400 for a field (multipart fields, file names) that holds a NUL or lone surrogate. */
export function requireCleanText(value: string | undefined, field: string): void {
  if (value !== undefined && BAD_TEXT.test(value)) throw badText(field);
}

function badText(field: string): DomainError {
  return new DomainError('VALIDATION', `${field} 含有不允许的字符（空字符或不成对的代理项）`, {
    params: { field },
    problems: [{ code: 'BAD_TEXT', field, message: '含有空字符或不成对的代理项' }],
  });
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const at =
      badTextAt(request.params, 'params') ??
      badTextAt(request.query, 'query') ??
      badTextAt(request.body, 'body');
    if (at) throw badText(at);
  });
}
