/**
 * Cache invalidation across app servers (issue 18): a dedicated PostgreSQL connection LISTENs on
 * `leitai_changes`, which the triggers of migration 0018 NOTIFY at commit (any writer: another
 * `leitai serve`, the CLI, psql). A notification names the schema, the table and, for rounds, the
 * row. The connection survives a restart of PostgreSQL: while it is down the feed is not `live`
 * (caches fall back to checking the database), and once it is back every cache is dropped once.
 */
import pg from 'pg';

export const CHANGE_CHANNEL = 'leitai_changes';

/** What changed: a table (and the row, for rounds), or everything (the feed was interrupted). */
export type Change = { table: string; id?: number } | { all: true };

/** The feed as the health endpoint reports it. */
export interface ChangeFeedStatus {
  /** `listening`: notifications arrive; `reconnecting`: the connection is down or being made. */
  state: 'listening' | 'reconnecting';
  /** Seconds since the last notification of this schema arrived; null when none has. */
  lastEventAgeSeconds: number | null;
  /** Seconds since the connection was last (re)made; null while it has never been. */
  listeningForSeconds: number | null;
  /** Times the connection was lost since the server started. */
  reconnects: number;
}

export interface ChangeFeed {
  /** True while the LISTEN connection is up: notifications are arriving. */
  readonly live: boolean;
  /** Cheap: no query, what the feed already knows. */
  status(): ChangeFeedStatus;
  /** Calls the listener on every change; returns the function that stops it. */
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** The schema whose changes matter (others sharing the database are ignored). */
  schema: string;
  /** Told when the connection is lost or could not be made. */
  onError?: (error: Error) => void;
  /** Called when the feed (re)connects and is listening. */
  onLive?: () => void;
  /** First delay before reconnecting, doubled up to 2 s. */
  retryMs?: number;
}

/** Parses `schema:table:id` as sent by `leitai_notify_change()`. */
export function parseChange(payload: string, schema: string): Change | undefined {
  const [s, table, id] = payload.split(':');
  if (s !== schema || !table) return undefined;
  const n = Number(id);
  return id && Number.isSafeInteger(n) ? { table, id: n } : { table };
}

/** Starts listening; returns at once (the first connection is made in the background). */
export function listenForChanges(url: string, options: ChangeFeedOptions): ChangeFeed {
  const listeners = new Set<(change: Change) => void>();
  const emit = (change: Change) => {
    for (const l of listeners) l(change);
  };
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let delay = options.retryMs ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let lastEventAt: number | undefined;
  let liveSince: number | undefined;
  let reconnects = 0;

  const lost = (error: Error | undefined) => {
    if (error) options.onError?.(error);
    const wasLive = live;
    if (wasLive) reconnects += 1;
    live = false;
    const old = client;
    client = undefined;
    old?.removeAllListeners('end');
    old?.end().catch(() => undefined);
    // Whatever happened while deaf is unknown: drop everything now, and again when back.
    if (wasLive) emit({ all: true });
    if (!closed && !timer) {
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 2000);
    }
  };

  const connect = async () => {
    timer = undefined;
    if (closed) return;
    const c = new pg.Client({
      connectionString: url,
      application_name: 'leitai-listen',
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    client = c;
    c.on('error', (error) => {
      if (client === c) lost(error);
    });
    c.on('end', () => {
      if (client === c) lost(undefined);
    });
    c.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
      const change = parseChange(message.payload, options.schema);
      if (!change) return;
      lastEventAt = Date.now();
      emit(change);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANGE_CHANNEL}`);
      if (closed || client !== c) return;
      live = true;
      liveSince = Date.now();
      delay = options.retryMs ?? 100;
      emit({ all: true });
      options.onLive?.();
    } catch (error) {
      if (client === c) lost(error as Error);
    }
  };
  void connect();

  return {
    get live() {
      return live;
    },
    status() {
      const age = (at: number | undefined) =>
        at === undefined ? null : Math.round((Date.now() - at) / 100) / 10;
      return {
        state: live ? 'listening' : 'reconnecting',
        lastEventAgeSeconds: age(lastEventAt),
        listeningForSeconds: live ? age(liveSince) : null,
        reconnects,
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      live = false;
      const c = client;
      client = undefined;
      c?.removeAllListeners('end');
      await c?.end().catch(() => undefined);
    },
  };
}
