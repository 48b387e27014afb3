import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isUnitKind } from '../../api/units.ts';

/** 镇, 村, 县/区 …; a kind the app does not know yet reads as 其他. */
export function kindLabel(t: TFunction, kind: string): string {
  return t(`units.kinds.${isUnitKind(kind) ? kind : 'other'}`);
}

export function UnitStatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Tag color="success" variant="outlined">
      {t('units.status.active')}
    </Tag>
  ) : (
    <Tag variant="outlined">{t('units.status.inactive')}</Tag>
  );
}

/** The search text marked inside a name or code, for result lists. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}
