import { FlagFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 红旗 / 黄旗 as a tag; nothing when the unit has no flag. Takes a stored flag as the API sends
 * it (some answers type it as a plain string): anything but red or yellow shows nothing.
 */
export function FlagBadge({ flag, vetoed }: { flag: string | null; vetoed?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="flag-badges">
      {flag === 'red' ? (
        <Tag className="flag-badge flag-red" icon={<FlagFilled />} color="#cf1322">
          {t('flags.red')}
        </Tag>
      ) : null}
      {flag === 'yellow' ? (
        <Tag className="flag-badge flag-yellow" icon={<FlagFilled />} color="#d4a106">
          {t('flags.yellow')}
        </Tag>
      ) : null}
      {vetoed ? (
        <Tag className="flag-badge" color="default">
          {t('results.vetoed')}
        </Tag>
      ) : null}
    </span>
  );
}
