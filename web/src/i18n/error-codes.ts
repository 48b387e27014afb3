// The words of the server's error codes (`errors.<CODE>`, merged into each language's bundle by
// ./index.ts). A code with a key in the current language is worded here (with `details.params`);
// a code without one shows the server's own message, which is Chinese and names the particulars.
// Chinese words only the codes whose sentence is the same every time they are thrown; the codes
// thrown with many different messages (VALIDATION, NOT_FOUND, CONFLICT …) keep the server's.
import type { components } from '../api/schema.d.ts';

export type ErrorCode = components['schemas']['Error']['error']['code'];

export const errorCodesZhCN: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  CSRF_FAILED: '页面已过期，请刷新后再试',
  RATE_LIMITED: '请求过于频繁，请稍候再试',
  INTERNAL: '服务器内部错误，请稍后再试',
  DATABASE_UNAVAILABLE: '数据库暂时无法连接，请稍后再试',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  PASSWORD_CHANGE_REQUIRED: '首次登录请先修改由他人设置的密码',
  PASSWORD_EXPIRED: '密码已过期，请先修改密码',
  TOTP_SETUP_REQUIRED: '管理类账号须先绑定动态口令（两步验证）',
};
