/**
 * Public reads from read replicas (docs/SCALING.md): `readerOf` picks the database a public
 * request reads (a replica close enough behind, else the primary) and says which in the
 * `X-Leitai-Read` header. Read-your-writes: after a successful write the session gets the
 * primary's WAL position in a cookie, and its reads go to the primary until a replica has
 * replayed past it — on whichever app server the next request lands.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { formatLsn, parseLsn } from '../../db/replicas.ts';
import type { Database } from '../../db/schema.ts';
import type { ServerDeps } from '../deps.ts';

export const WRITE_POSITION_COOKIE = 'leitai_wal';

function lastWriteOf(request: FastifyRequest): bigint {
  const text = request.cookies?.[WRITE_POSITION_COOKIE];
  if (!text) return 0n;
  try {
    return parseLsn(text);
  } catch {
    return 0n;
  }
}

/**
 * Whether the request's session wrote in the last minutes (it carries the write position): its
 * public reads then confirm what this server's caches hold against the database, since another
 * server's change reaches those caches through the change feed a moment after it commits.
 */
export function wroteRecently(request: FastifyRequest): boolean {
  return lastWriteOf(request) > 0n;
}

export function readerOf(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Kysely<Database> {
  if (!deps.reads) return deps.db;
  const choice = deps.reads.reader(lastWriteOf(request));
  reply.header('x-leitai-read', choice.route);
  return choice.db;
}

export function registerReadYourWrites(app: FastifyInstance, deps: ServerDeps): void {
  const reads = deps.reads;
  if (!reads) return;
  app.addHook('onSend', async (request, reply, payload) => {
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    if (write && reply.statusCode < 400) {
      try {
        const lsn = await reads.primaryLsn();
        reply.setCookie(WRITE_POSITION_COOKIE, formatLsn(lsn), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          maxAge: 600,
        });
      } catch {
        // The primary is gone: the next read meets it too, and answers 503 there.
      }
    }
    return payload;
  });
}
