import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/session.ts';

const COLORS: Record<Role, string> = {
  admin: 'geekblue',
  organizer: 'blue',
  evaluator: 'cyan',
  reporter: 'green',
  viewer: 'purple',
  secadmin: 'volcano',
  auditor: 'gold',
};

/** 系统管理员, 组织单位 …: a user's roles as tags. */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <span className="role-tags">
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role]} variant="outlined">
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </span>
  );
}
