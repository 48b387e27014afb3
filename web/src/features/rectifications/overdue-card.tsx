import { Card, List, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listRectifications } from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError } from '../../components/request-error.tsx';
import { daysUntil } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

/** The organizer's and leaders' overdue rectifications (整改逾期), on their landing page. */
export function OverdueRectificationsCard() {
  const { t, i18n } = useTranslation();
  const list = useRequest('rectifications:overdue', (signal) =>
    listRectifications({ overdue: true }, signal),
  );
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      className="section-card overdue-rectifications"
      title={t('rectifications.workbenchTitle')}
      extra={<Link to="/rectifications">{t('rectifications.workbenchAll')}</Link>}
    >
      {list.error !== undefined ? (
        <RequestError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <p className="muted">{t('rectifications.noneOverdue')}</p>
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 8)}
          footer={
            items.length > 8 ? (
              <Link to="/rectifications?filter=overdue">
                {t('rectifications.overdueCount', { count: items.length })}
              </Link>
            ) : null
          }
          renderItem={(r) => (
            <List.Item className="overdue-rectification">
              <span>
                <strong>{r.unit.name}</strong>{' '}
                <span className="muted small">
                  {r.contest.title} · {periodText(r.period, i18n.language)}
                </span>
              </span>
              <Tag color="red">
                {t('rectifications.overdue', {
                  days: Math.max(1, -(daysUntil(r.deadline) ?? 0)),
                })}
              </Tag>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
