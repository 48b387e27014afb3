import { Card, Empty, List, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listSeries } from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

/** 擂台赛系列: the named sets of contests run together (the ten 党建 contests, the 22 boards). */
export default function SeriesListPage() {
  const { t } = useTranslation();
  const series = useRequest('series', (signal) => listSeries(signal));
  return (
    <>
      <PageHeader title={t('series.title')} subtitle={t('series.subtitle')} />
      <Card size="small" className="section-card">
        {series.error !== undefined ? (
          <RequestError error={series.error} onRetry={series.reload} />
        ) : !series.data ? (
          <Skeleton active />
        ) : series.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('series.none')} />
        ) : (
          <List
            className="series-list"
            dataSource={series.data.items}
            renderItem={(s) => (
              <List.Item className="series-item">
                <List.Item.Meta
                  title={<Link to={`/series/${s.id}`}>{s.title}</Link>}
                  description={t('series.itemLine', {
                    organizer: s.organizer.name,
                    office: s.office,
                    prefix: s.docPrefix,
                  })}
                />
                <Tag>{t('series.contestCount', { count: s.contestIds.length })}</Tag>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
