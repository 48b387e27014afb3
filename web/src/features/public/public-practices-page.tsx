import { Card, Empty, List, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatDate } from '../../lib/format.ts';

/** 经验做法: the write-ups of leading units' practices the organizers chose to show. */
export default function PublicPracticesPage() {
  const { t } = useTranslation();
  const practices = useRequest('public:practices', (signal) => publicApi.practices(signal));
  return (
    <>
      <PageHeader title={t('public.practices.title')} subtitle={t('public.practices.subtitle')} />
      {practices.error !== undefined ? (
        <RequestError error={practices.error} onRetry={practices.reload} />
      ) : !practices.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : practices.data.items.length === 0 ? (
        <Empty description={t('public.practices.empty')} />
      ) : (
        <Card size="small" className="section-card">
          <List
            dataSource={practices.data.items}
            renderItem={(p) => (
              <List.Item extra={<span className="muted small">{formatDate(p.publishedAt)}</span>}>
                <List.Item.Meta
                  title={<Link to={`/public/practices/${p.id}`}>{p.title}</Link>}
                  description={
                    <>
                      <div>
                        {p.unit.name} · {p.contest.title}
                      </div>
                      {p.summary ? <div>{p.summary}</div> : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
