/**
 * The TOTP second factor (RFC 6238, DESIGN §1) through the `otpauth` library: enrolment, the
 * check at sign-in with ±1 step and no reuse, recovery codes stored hashed, the reset by the
 * security admin.
 */
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  advanceTotpStep,
  countRecoveryCodesLeft,
  findUserSecurity,
  replaceRecoveryCodes,
  spendRecoveryCode,
  updateUserSecurity,
} from '../db/account-security.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUserRow } from '../db/user.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { requireUser } from './policies/gate.ts';
import { requireSecurityManager } from './policies/user.ts';
import { sha256 } from './secrets.ts';

export const TOTP_PERIOD = 30;
const ISSUER = 'Leitai 擂台';

/** The TOTP of a base32 secret, as every authenticator app reads it (SHA-1, 6 digits, 30 s). */
export function totpOf(secretBase32: string, label = 'leitai'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The time step a code matches at `now` within ±1 step, or null. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
}

export const TotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export type TotpCode = z.infer<typeof TotpCode>;

export interface TotpStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export async function totpStatus(ctx: AppContext): Promise<TotpStatus> {
  const actor = requireUser(ctx);
  const sec = await findUserSecurity(ctx.db, actor.userId ?? -1);
  return {
    enabled: Boolean(sec?.totp_secret),
    recoveryCodesLeft: sec?.totp_secret ? await countRecoveryCodesLeft(ctx.db, actor.userId!) : 0,
  };
}

/** Starts enrolment: a new secret, its otpauth URI and that URI as a QR image (data URL). */
export function enrolTotp(
  ctx: AppContext,
): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  return inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx);
    const secret = new Secret({ size: 20 }).base32;
    await updateUserSecurity(tx.db, actor.userId!, { totp_pending_secret: secret });
    const uri = totpOf(secret, actor.name).toString();
    const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 240 });
    return { secret, uri, qrDataUrl };
  });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function recoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');

/** Confirms enrolment with a code from the app; returns ten recovery codes, shown once. */
export function confirmTotp(
  ctx: AppContext,
  input: TotpCode,
): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx);
    const sec = await findUserSecurity(tx.db, actor.userId!);
    const pending = sec?.totp_pending_secret;
    if (!pending) {
      throw new DomainError('TOTP_NOT_ENROLLING', '请先开始绑定', {
        field: 'code',
      });
    }
    const step = matchTotp(pending, input.code, tx.clock.now());
    if (step === null) {
      throw new DomainError('TOTP_CODE_WRONG', '验证码不正确或已过期', {
        field: 'code',
      });
    }
    await updateUserSecurity(tx.db, actor.userId!, {
      totp_secret: pending,
      totp_pending_secret: null,
      totp_last_step: step,
    });
    const recoveryCodes = Array.from({ length: 10 }, recoveryCode);
    const now = tx.clock.now().toISOString();
    await replaceRecoveryCodes(
      tx.db,
      actor.userId!,
      recoveryCodes.map((c) => sha256(normaliseRecovery(c))),
      now,
    );
    await audit(tx, {
      action: 'totp.enable',
      entityType: 'user',
      entityId: actor.userId!,
      unitId: actor.unitId,
    });
    return { recoveryCodes };
  });
}

/**
 * Checks a second factor at sign-in: a 6-digit code of the current step ±1 that is later than
 * the last accepted one, or an unused recovery code (then used up). True when accepted.
 */
export async function checkSecondFactor(
  db: Kysely<Database>,
  userId: number,
  secret: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const step = matchTotp(secret, code.trim(), now);
  if (step !== null) return advanceTotpStep(db, userId, step);
  const recovery = normaliseRecovery(code);
  if (!/^[a-z0-9]{5}-[a-z0-9]{5}$/.test(recovery)) return false;
  return spendRecoveryCode(db, userId, sha256(recovery), now.toISOString());
}

/** The security admin removes a user's second factor (a lost phone); the user enrols again. */
export function resetTotp(ctx: AppContext, idOrName: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const row = await findUserRow(tx.db, idOrName);
    if (!row)
      throw new DomainError('USER_NOT_FOUND', `用户不存在：${idOrName}`, {
        params: { user: idOrName },
      });
    await requireSecurityManager(tx, row.unit_id);
    await updateUserSecurity(tx.db, row.id, {
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(tx.db, row.id, [], tx.clock.now().toISOString());
    await audit(tx, {
      action: 'totp.reset',
      entityType: 'user',
      entityId: row.id,
      unitId: row.unit_id,
      after: { user: row.username },
    });
  });
}
