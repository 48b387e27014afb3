/**
 * Read replicas (issue 18, docs/SCALING.md): public reads go to a PostgreSQL streaming replica
 * when it is close enough behind the primary, else to the primary.
 *
 * Position, not clocks: every `pollMs` the primary's WAL position (`pg_current_wal_lsn()`) is
 * sampled, then each replica's replayed position (`pg_last_wal_replay_lsn()`). A replica that has
 * replayed past a sample taken at time t holds everything committed before t, so its lag is at
 * most now − t; beyond `maxLagMs` (or unreachable) it is not read from. A reader that must see a
 * given write names the primary's position after it (`minLsn`): a session's own last write
 * (read-your-writes, a cookie) or the last change any server announced (the change feed).
 */
import { type Kysely, sql } from 'kysely';
import { type DatabaseHandle, openPostgres } from './dialect.ts';
import type { Database } from './schema.ts';

/** `16/B374D848` → a number that orders like the position. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export interface ReplicaStatus {
  location: string;
  /** Reachable and replaying (in recovery). */
  up: boolean;
  /**
   * `in-use`: public reads may go to it; `lagging`: further behind than the allowed lag (or not
   * yet caught up with any sample); `down`: unreachable; `promoted`: no longer in recovery.
   */
  state: 'in-use' | 'lagging' | 'down' | 'promoted';
  /** Bytes of WAL between the primary's last sampled position and the replica's replay. */
  lagBytes: number | null;
  replayedLsn: string | null;
  /** Upper bound of how far behind the primary it is, ms; null when never caught up. */
  lagMs: number | null;
  /** Seconds since the last replayed transaction committed (pg_last_xact_replay_timestamp). */
  lastReplayAgeSeconds: number | null;
}

export interface ReadChoice {
  db: Kysely<Database>;
  /** `primary`, or `replica` with its index. */
  route: 'primary' | 'replica';
}

export interface ReplicaOptions {
  maxLagMs: number;
  pollMs: number;
  now?: () => number;
  onError?: (error: Error) => void;
}

interface Replica {
  handle: DatabaseHandle;
  up: boolean;
  /** Answered, but not in recovery (promoted, or pointed at a primary). */
  promoted: boolean;
  replayed: bigint;
  caughtUpAt: number | undefined;
  replayAge: number | null;
}

export class ReadRouter {
  private readonly replicas: Replica[];
  /** Recent primary positions, oldest first: (time sampled, position). */
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  private polling: Promise<void> | undefined;
  private readonly now: () => number;
  /** The primary's position after the last change announced by any server. */
  private changedLsn = 0n;
  /** A change was announced and its position is not known yet: read from the primary. */
  private changePending = 0;

  constructor(
    private readonly primary: Kysely<Database>,
    urls: readonly string[],
    private readonly options: ReplicaOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.replicas = urls.map((url) => ({
      handle: openPostgres(url, {
        max: 10,
        applicationName: 'leitai-replica',
        ...(options.onError ? { onConnectionError: options.onError } : {}),
      }),
      up: false,
      promoted: false,
      replayed: 0n,
      caughtUpAt: undefined,
      replayAge: null,
    }));
  }

  /** Polls the positions now and then every `pollMs`. */
  start(): Promise<void> {
    const first = this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    return first;
  }

  /** The primary's current WAL position. */
  async primaryLsn(): Promise<bigint> {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(
      this.primary,
    );
    return parseLsn(rows[0]!.lsn);
  }

  /** One round of sampling; concurrent calls share it. */
  poll(): Promise<void> {
    this.polling ??= this.sample().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async sample(): Promise<void> {
    const at = this.now();
    try {
      this.samples.push({ at, lsn: await this.primaryLsn() });
      if (this.samples.length > 256) this.samples.shift();
    } catch (error) {
      this.options.onError?.(error as Error);
    }
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const { rows } = await sql<{
            lsn: string | null;
            recovering: boolean;
            age: number | null;
          }>`select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as recovering,
               extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`.execute(
            r.handle.db,
          );
          const row = rows[0]!;
          r.up = row.recovering && row.lsn !== null;
          r.promoted = !row.recovering;
          r.replayAge = row.age;
          if (!r.up) return;
          r.replayed = parseLsn(row.lsn!);
          for (let i = this.samples.length - 1; i >= 0; i--) {
            const s = this.samples[i]!;
            if (s.lsn <= r.replayed) {
              if (r.caughtUpAt === undefined || s.at > r.caughtUpAt) r.caughtUpAt = s.at;
              break;
            }
          }
        } catch (error) {
          r.up = false;
          r.promoted = false;
          this.options.onError?.(error as Error);
        }
      }),
    );
  }

  /**
   * Where a read that must see everything up to `minLsn` (and every announced change) goes: a
   * replica that is up, within the allowed lag and past that position (round-robin among them),
   * else the primary.
   */
  reader(minLsn: bigint = 0n): ReadChoice {
    if (this.changePending === 0) {
      const need = minLsn > this.changedLsn ? minLsn : this.changedLsn;
      const now = this.now();
      for (let k = 0; k < this.replicas.length; k++) {
        const i = (this.next + k) % this.replicas.length;
        const r = this.replicas[i]!;
        if (!r.up || r.caughtUpAt === undefined) continue;
        if (now - r.caughtUpAt > this.options.maxLagMs) continue;
        if (r.replayed < need) continue;
        this.next = i + 1;
        return { db: r.handle.db, route: 'replica' };
      }
    }
    return { db: this.primary, route: 'primary' };
  }

  /**
   * Another server (or this one) changed what public pages show: until the replicas have replayed
   * past the primary's position now, public reads go to the primary.
   */
  changed(): void {
    this.changePending += 1;
    this.primaryLsn()
      .then((lsn) => {
        if (lsn > this.changedLsn) this.changedLsn = lsn;
      })
      .catch(() => undefined)
      .finally(() => {
        this.changePending -= 1;
      });
  }

  /** What the last poll found, per replica (no query: cheap enough for every health check). */
  status(): ReplicaStatus[] {
    const now = this.now();
    const primary = this.samples.at(-1)?.lsn;
    return this.replicas.map((r) => {
      const lagMs = r.caughtUpAt === undefined ? null : Math.max(0, now - r.caughtUpAt);
      return {
        location: r.handle.location,
        up: r.up,
        state: !r.up
          ? r.promoted
            ? 'promoted'
            : 'down'
          : lagMs === null || lagMs > this.options.maxLagMs
            ? 'lagging'
            : 'in-use',
        lagBytes:
          r.up && primary !== undefined
            ? Number(primary > r.replayed ? primary - r.replayed : 0n)
            : null,
        replayedLsn: r.up ? formatLsn(r.replayed) : null,
        lagMs,
        lastReplayAgeSeconds: r.replayAge,
      };
    });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling?.catch(() => undefined);
    await Promise.all(this.replicas.map((r) => r.handle.close()));
  }
}
