/**
 * The password policy (等保2.0 身份鉴别) and the checks of a candidate password against it. Pure, so
 * the web shows the same verdict live as the user types (web imports core for previews).
 */
import { COMMON_PASSWORDS } from './common-passwords.ts';

export interface PasswordPolicy {
  /** At least this many characters (≥ 8). */
  minLength: number;
  /** At least this many of the four classes: lower case, upper case, digits, symbols (1–4). */
  minClasses: number;
  /** Days after which a password must be changed at the next sign-in; null: never expires. */
  expiryDays: number | null;
  /** A new password may not be any of the last this many (0–24). */
  historySize: number;
}

export const DEFAULT_POLICY: PasswordPolicy = {
  minLength: 10,
  minClasses: 2,
  expiryDays: null,
  historySize: 5,
};

export type PasswordRule = 'length' | 'classes' | 'common' | 'trivial' | 'username';

export interface RuleVerdict {
  rule: PasswordRule;
  ok: boolean;
  /** The rule as the user reads it, Chinese first. */
  text: string;
}

/** The number of character classes (lower, upper, digit, other) the password uses. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n += 1;
  if (/[A-Z]/.test(password)) n += 1;
  if (/[0-9]/.test(password)) n += 1;
  if (/[^A-Za-z0-9]/.test(password)) n += 1;
  return n;
}

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '01234567890';

/** True when every step from one character to the next moves by the same place in a sequence. */
function followsSequence(text: string, sequence: string): boolean {
  if (text.length < 4) return false;
  for (const seq of [sequence, [...sequence].reverse().join('')]) {
    if (seq.includes(text)) return true;
  }
  return false;
}

/**
 * True for passwords a guesser tries first whatever their length: one character repeated, a
 * short block repeated (abcabcabc), a run along the alphabet, the digits or a keyboard row, or
 * a common password with digits and symbols around it (password12, P@ssw0rd!).
 */
export function isTrivialPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true;
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) {
      return true;
    }
  }
  if ([ALPHABET, DIGITS, ...KEYBOARD_ROWS].some((seq) => followsSequence(lower, seq))) return true;
  return false;
}

/** True when the password is (a simple dressing of) a commonly used one. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // Strip what people add around a word, undo the usual substitutions: P@ssw0rd!2024 → password.
  const trimmed = lower.replace(/^[^a-z@$]+|[^a-z@$0-9]+$/g, '').replace(/[0-9]+[^a-z0-9]*$/, '');
  const plain = trimmed
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!|]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's')
    .replace(/7/g, 't');
  for (const word of [trimmed, plain]) {
    if (word.length >= 4 && COMMON_PASSWORDS.has(word)) return true;
  }
  // A common word followed by the digits of a sequence or a year: password12, admin2024.
  const stem = lower.replace(/[^a-z]+$/, '');
  return (
    stem.length >= 4 &&
    stem !== lower &&
    COMMON_PASSWORDS.has(stem) &&
    stem.length >= lower.length - 4
  );
}

const CLASS_NAMES = '小写字母、大写字母、数字、符号';

/** Every rule of the policy with whether the password meets it, in the order they are shown. */
export function checkPassword(
  policy: PasswordPolicy,
  password: string,
  context: { username?: string | undefined } = {},
): RuleVerdict[] {
  const username = context.username?.toLowerCase();
  return [
    {
      rule: 'length',
      ok: [...password].length >= policy.minLength,
      text: `至少 ${policy.minLength} 个字符`,
    },
    {
      rule: 'classes',
      ok: characterClasses(password) >= policy.minClasses,
      text: `至少包含${CLASS_NAMES}中的 ${policy.minClasses} 类`,
    },
    {
      rule: 'common',
      ok: password.length > 0 && !isCommonPassword(password),
      text: '不是常用密码',
    },
    {
      rule: 'trivial',
      ok: password.length > 0 && !isTrivialPassword(password),
      text: '不是重复或连续的字符',
    },
    {
      rule: 'username',
      ok: !username || !password.toLowerCase().includes(username),
      text: '不包含用户名',
    },
  ];
}

/** The first broken rule's text, or undefined when the password meets the policy. */
export function passwordProblem(
  policy: PasswordPolicy,
  password: string,
  context: { username?: string | undefined } = {},
): string | undefined {
  return checkPassword(policy, password, context).find((v) => !v.ok)?.text;
}

/** True when a password set at `changedAt` has expired at `now` under the policy. */
export function passwordExpired(
  policy: PasswordPolicy,
  changedAt: string | null,
  now: Date,
): boolean {
  if (policy.expiryDays === null || changedAt === null) return false;
  return now.getTime() - new Date(changedAt).getTime() >= policy.expiryDays * 86_400_000;
}
