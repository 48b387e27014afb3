import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { checkPassword, type PasswordPolicy } from '../../../../src/core/password-policy.ts';

/** The policy's rules, each ticked or not as the user types (the same check the server runs). */
export function PasswordRules({
  policy,
  password,
  username,
}: {
  policy: PasswordPolicy;
  password: string;
  username?: string | undefined;
}) {
  const verdicts = checkPassword(policy, password, { username });
  return (
    <ul
      className="password-rules"
      aria-label="密码要求"
      style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}
    >
      {verdicts.map((v) => (
        <li key={v.rule} data-ok={v.ok} style={{ color: v.ok ? '#389e0d' : '#8c8c8c' }}>
          {v.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {v.text}
        </li>
      ))}
      {policy.historySize > 0 ? (
        <li style={{ color: '#8c8c8c' }}>
          · 不能与最近 {policy.historySize} 次用过的密码相同 (not one of your last{' '}
          {policy.historySize})
        </li>
      ) : null}
      {policy.expiryDays ? (
        <li style={{ color: '#8c8c8c' }}>
          · 有效期 {policy.expiryDays} 天，到期须修改 (expires after {policy.expiryDays} days)
        </li>
      ) : null}
    </ul>
  );
}
