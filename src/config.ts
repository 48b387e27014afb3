import path from 'node:path';
import { z } from 'zod';

const Port = z.coerce
  .number({ error: 'PORT 必须是数字 (must be a number)' })
  .int()
  .min(0, 'PORT 必须在 0–65535 之间 (must be 0–65535)')
  .max(65535, 'PORT 必须在 0–65535 之间 (must be 0–65535)');

const Flag = z
  .enum(['0', '1', 'true', 'false'], { error: '只能是 0 或 1 (must be 0 or 1)' })
  .transform((v) => v === '1' || v === 'true')
  .or(z.boolean());

const TrustProxy = z
  .string()
  .transform((v): boolean | number | string[] => {
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false' || v === '') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((a) => a.trim());
  })
  .or(z.boolean());
/** The project ledger (DESIGN §9): its planning office and the light's thresholds. */
const LedgerConfig = z.object({
  /** Code of the planning office (a county department): it sets plans; units cannot. */
  ledgerOffice: z.string().min(1).default('371323-D05'),
  lightRedBehind: z.coerce.number().min(0).max(100).default(30),
  lightYellowBehind: z.coerce.number().min(0).max(100).default(10),
  lightRedMilestoneDays: z.coerce.number().int().min(0).default(60),
  lightRedProblemDays: z.coerce.number().int().min(0).default(30),
});

const PgUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, '必须以 postgres:// 开头 (must start with postgres://)');

/** Several app servers (issue 18, docs/SCALING.md): read replicas and the shared file store. */
const ScaleConfig = z.object({
  /** Read replicas for public reads (comma-separated PostgreSQL URLs); none when absent. */
  replicaUrls: z.array(PgUrl).max(16).default([]),
  /** A replica further behind the primary than this is not read from (the primary answers). */
  replicaMaxLagMs: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** How often each replica's position is checked against the primary's. */
  replicaPollMs: z.coerce.number().int().min(20).max(60_000).default(250),
  /** Where evidence and images live: the data folder, the database, or an S3-compatible bucket. */
  fileStore: z
    .enum(['disk', 'postgres', 's3'], 'LEITAI_FILE_STORE 只能是 disk、postgres 或 s3')
    .default('disk'),
  s3Bucket: z.string().min(1).optional(),
  /** An S3-compatible endpoint (MinIO, a 政务云 object store); AWS when absent. */
  s3Endpoint: z.string().url('LEITAI_S3_ENDPOINT 必须是网址 (must be a URL)').optional(),
  s3Region: z.string().min(1).default('us-east-1'),
  s3Prefix: z.string().default(''),
  s3AccessKeyId: z.string().min(1).optional(),
  s3SecretAccessKey: z.string().min(1).optional(),
});

export const Config = z
  .object({
    /** Folder of the SQLite file and uploaded files. */
    dataDir: z.string().min(1),
    /** PostgreSQL connection string; the embedded SQLite file when absent. */
    databaseUrl: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL 必须以 postgres:// 开头 (must start with postgres://)',
      )
      .optional(),
    host: z.string().min(1).default('127.0.0.1'),
    port: Port.default(3000),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** A session ends after this many minutes without a request… */
    sessionIdleMinutes: z.coerce.number().int().min(1).default(30),
    /** …and this many hours after login, whatever happens. */
    sessionMaxHours: z.coerce.number().int().min(1).default(12),
    /** 三权分立 (DESIGN §1): admin, security admin and auditor are separate (issue 19). */
    separationOfDuties: Flag.default(false),
    /** Privileged roles (admin, secadmin, auditor) must sign in with a second factor (TOTP). */
    requireTotp: Flag.default(false),
    /**
     * Behind a reverse proxy: trust X-Forwarded-For/-Proto from it (Fastify `trustProxy`): `true`,
     * a number of hops, or the proxies' addresses/CIDRs, comma-separated. Off by default.
     */
    trustProxy: TrustProxy.default(false),
    /** Run the scheduler (reminders, webhooks …) in `leitai serve`; 0 for an instance that must not. */
    scheduler: Flag.default(true),
    /** The audit chain's hash (国密: `sm3`); recorded per event, so it can change going forward. */
    auditHash: z
      .enum(['sha256', 'sm3'], 'LEITAI_AUDIT_HASH 只能是 sha256 或 sm3')
      .default('sha256'),
    /** Key of the audit chain's HMAC; the chain is keyed when present (docs/ARCHITECTURE.md). */
    auditKey: z
      .string()
      .min(16, 'LEITAI_AUDIT_KEY 至少 16 个字符 (at least 16 characters)')
      .optional(),
    /** SM4 key (32 hex digits) that encrypts evidence and images at rest when present. */
    fileKey: z
      .string()
      .regex(
        /^[0-9a-fA-F]{32}$/,
        'LEITAI_FILE_KEY 必须是 32 位十六进制数 (32 hex digits, 128 bits)',
      )
      .optional(),
    ...LedgerConfig.shape,
    ...ScaleConfig.shape,
  })
  .superRefine((c, ctx) => {
    if (c.fileStore === 'postgres' && !c.databaseUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['fileStore'],
        message: 'postgres 需要 DATABASE_URL (needs DATABASE_URL)',
      });
    }
    if (c.fileStore === 's3' && !c.s3Bucket) {
      ctx.addIssue({
        code: 'custom',
        path: ['s3Bucket'],
        message: 'LEITAI_FILE_STORE=s3 需要存储桶 (needs a bucket)',
      });
    }
    if (c.replicaUrls.length && !c.databaseUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['replicaUrls'],
        message: '只读副本需要 DATABASE_URL (replicas need a PostgreSQL primary)',
      });
    }
  });
export type Config = z.infer<typeof Config>;

export interface ConfigOverrides {
  data?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
}

/** Thrown when the configuration is invalid; the message names every bad setting. */
export class ConfigError extends Error {}

/**
 * Reads the configuration once, from command-line flags over the environment, and freezes it.
 * Nothing else in Leitai reads process.env.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  overrides: ConfigOverrides = {},
): Readonly<Config> {
  const parsed = Config.safeParse({
    dataDir: path.resolve(overrides.data ?? env.LEITAI_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: overrides.host ?? env.HOST ?? undefined,
    port: overrides.port ?? env.PORT ?? undefined,
    logLevel: env.LOG_LEVEL || undefined,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES || undefined,
    sessionMaxHours: env.SESSION_MAX_HOURS || undefined,
    separationOfDuties: env.LEITAI_SEPARATION_OF_DUTIES || undefined,
    requireTotp: env.LEITAI_REQUIRE_TOTP || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    scheduler: env.LEITAI_SCHEDULER || undefined,
    auditHash: env.LEITAI_AUDIT_HASH || undefined,
    auditKey: env.LEITAI_AUDIT_KEY || undefined,
    fileKey: env.LEITAI_FILE_KEY || undefined,
    ledgerOffice: env.LEITAI_LEDGER_OFFICE || undefined,
    lightRedBehind: env.LEITAI_LIGHT_RED_BEHIND || undefined,
    lightYellowBehind: env.LEITAI_LIGHT_YELLOW_BEHIND || undefined,
    lightRedMilestoneDays: env.LEITAI_LIGHT_RED_MILESTONE_DAYS || undefined,
    lightRedProblemDays: env.LEITAI_LIGHT_RED_PROBLEM_DAYS || undefined,
    replicaUrls: env.DATABASE_REPLICA_URL
      ? env.DATABASE_REPLICA_URL.split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : undefined,
    replicaMaxLagMs: env.LEITAI_REPLICA_MAX_LAG_MS || undefined,
    replicaPollMs: env.LEITAI_REPLICA_POLL_MS || undefined,
    fileStore: env.LEITAI_FILE_STORE || undefined,
    s3Bucket: env.LEITAI_S3_BUCKET || undefined,
    s3Endpoint: env.LEITAI_S3_ENDPOINT || undefined,
    s3Region: env.LEITAI_S3_REGION || undefined,
    s3Prefix: env.LEITAI_S3_PREFIX || undefined,
    s3AccessKeyId: env.LEITAI_S3_ACCESS_KEY_ID || undefined,
    s3SecretAccessKey: env.LEITAI_S3_SECRET_ACCESS_KEY || undefined,
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      dataDir: '--data / LEITAI_DATA',
      databaseUrl: 'DATABASE_URL',
      host: '--host / HOST',
      port: '--port / PORT',
      logLevel: 'LOG_LEVEL',
      sessionIdleMinutes: 'SESSION_IDLE_MINUTES',
      sessionMaxHours: 'SESSION_MAX_HOURS',
      separationOfDuties: 'LEITAI_SEPARATION_OF_DUTIES',
      requireTotp: 'LEITAI_REQUIRE_TOTP',
      trustProxy: 'TRUST_PROXY',
      scheduler: 'LEITAI_SCHEDULER',
      auditHash: 'LEITAI_AUDIT_HASH',
      auditKey: 'LEITAI_AUDIT_KEY',
      fileKey: 'LEITAI_FILE_KEY',
      ledgerOffice: 'LEITAI_LEDGER_OFFICE',
      lightRedBehind: 'LEITAI_LIGHT_RED_BEHIND',
      lightYellowBehind: 'LEITAI_LIGHT_YELLOW_BEHIND',
      lightRedMilestoneDays: 'LEITAI_LIGHT_RED_MILESTONE_DAYS',
      lightRedProblemDays: 'LEITAI_LIGHT_RED_PROBLEM_DAYS',
      replicaUrls: 'DATABASE_REPLICA_URL',
      replicaMaxLagMs: 'LEITAI_REPLICA_MAX_LAG_MS',
      replicaPollMs: 'LEITAI_REPLICA_POLL_MS',
      fileStore: 'LEITAI_FILE_STORE',
      s3Bucket: 'LEITAI_S3_BUCKET',
      s3Endpoint: 'LEITAI_S3_ENDPOINT',
      s3Region: 'LEITAI_S3_REGION',
      s3Prefix: 'LEITAI_S3_PREFIX',
      s3AccessKeyId: 'LEITAI_S3_ACCESS_KEY_ID',
      s3SecretAccessKey: 'LEITAI_S3_SECRET_ACCESS_KEY',
    };
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return `${names[key] ?? key}: ${i.message}`;
    });
    throw new ConfigError(`配置无效 invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}
