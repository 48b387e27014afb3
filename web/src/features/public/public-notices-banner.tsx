import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPublicNotices } from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';

// Its own module, so the public home's first load does not carry the notices page's table.
/** The home page's line: how many rounds are on notice now, linking to the list. */
export function NoticesBanner() {
  const { t } = useTranslation();
  const notices = useRequest('public:notices', (signal) => listPublicNotices(signal));
  const count = notices.data?.total ?? 0;
  if (!count) return null;
  return (
    <Alert
      className="notices-banner"
      type="warning"
      showIcon
      title={
        <span>
          {t('notices.banner', { count })} <Link to="/public/notices">{t('notices.view')}</Link>
        </span>
      }
    />
  );
}
