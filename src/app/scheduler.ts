// The scheduler: jobs register with it (name, interval, run); every server instance may run one,
// and each due run happens exactly once across all of them. A job's row in `scheduler_jobs` is
// claimed with one conditional UPDATE (due, and no live lease) — the winner runs it and sets the
// next run; a crashed holder's lease expires and another server takes over. Jobs themselves are
// idempotent too (reminders are claimed per round, unit and kind), so a rerun after a crash
// mid-job sends nothing twice.
import { randomUUID } from 'node:crypto';
import { claimJob, ensureJob, finishJob } from '../db/notify.repository.ts';
import { type AppContext, type Clock, systemActor } from './context.ts';
import { sendDeadlineReminders, sendRectificationReminders } from './notifications.ts';
import type { LedgerSettings } from './policies/ledger.ts';
import { monthEndSnapshot, publishEndedNotices } from './scheduled-work.ts';
import { deliverDue, dispatchOutbox, type Fetch } from './webhooks.ts';

export interface ScheduledJob {
  /** Unique; the lease row's key. */
  name: string;
  /** Time between the end of one run and the next. */
  everyMs: number;
  /** A run that takes longer than this may be taken over by another server (default 5 min). */
  leaseMs?: number;
  run(ctx: AppContext): Promise<unknown>;
}

export interface SchedulerOptions {
  db: AppContext['db'];
  clock: Clock;
  /** This instance's name in the lease rows (default: a random id). */
  holder?: string;
  /** How often start() looks for due jobs (default 15 s). */
  tickMs?: number;
  onError?: (job: string, error: unknown) => void;
}

export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  readonly holder: string;

  constructor(private readonly options: SchedulerOptions) {
    this.holder = options.holder ?? `leitai-${randomUUID()}`;
  }

  register(job: ScheduledJob): this {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
    return this;
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs every due job this instance wins the lease of; returns the names it ran. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs.values()) {
      const { db, clock } = this.options;
      const now = clock.now();
      await ensureJob(db, job.name, now.toISOString());
      const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? 300_000)).toISOString();
      if (!(await claimJob(db, job.name, this.holder, now.toISOString(), leaseUntil))) continue;
      let error: string | null = null;
      try {
        await job.run({ db, clock, actor: systemActor });
      } catch (e) {
        error = (e as Error).message?.slice(0, 1000) ?? String(e);
        this.options.onError?.(job.name, e);
      }
      const end = clock.now();
      await finishJob(db, job.name, this.holder, {
        now: end.toISOString(),
        nextRunAt: new Date(end.getTime() + job.everyMs).toISOString(),
        error,
      });
      ran.push(job.name);
    }
    return ran;
  }

  /** Ticks every tickMs until stop(); a tick never overlaps the previous one. */
  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick()
        .catch((e) => this.options.onError?.('scheduler', e))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(loop, this.options.tickMs ?? 15_000);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running;
  }
}

/**
 * The jobs every server runs (`leitai serve` registers this list; add new ones here). Each is
 * claimed once across servers by the scheduler, and each is idempotent (app/scheduled-work.ts).
 */
export function standardJobs(options: { fetch?: Fetch; ledger: LedgerSettings }): ScheduledJob[] {
  return [
    {
      name: 'reminders',
      everyMs: 10 * 60_000,
      run: async (ctx) => {
        await sendDeadlineReminders(ctx);
        await sendRectificationReminders(ctx);
      },
    },
    {
      name: 'webhooks',
      everyMs: 15_000,
      run: async (ctx) => {
        await dispatchOutbox(ctx);
        await deliverDue(ctx, options.fetch);
      },
    },
    {
      // Notice windows end at any minute; publishing a national round takes minutes.
      name: 'notice-ends',
      everyMs: 60_000,
      leaseMs: 60 * 60_000,
      run: (ctx) => publishEndedNotices(ctx),
    },
    {
      // The month-end lights of the month just ended, once (checked hourly).
      name: 'ledger-month-end',
      everyMs: 60 * 60_000,
      leaseMs: 30 * 60_000,
      run: (ctx) => monthEndSnapshot(ctx, options.ledger),
    },
  ];
}
