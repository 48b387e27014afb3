import { Card, Col, Empty, Row, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type PublicContestSummary, publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatDate } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { NoticesBanner } from './public-notices-banner.tsx';

/** 公开展示 home: every contest with published results, by category (分类设榜). */
export default function PublicContestsPage() {
  const { t, i18n } = useTranslation();
  const contests = useRequest('public:contests', (signal) => publicApi.contests(signal));
  const byCategory = useMemo(() => {
    const map = new Map<string, PublicContestSummary[]>();
    for (const c of contests.data?.items ?? []) {
      map.set(c.category, [...(map.get(c.category) ?? []), c]);
    }
    return [...map.entries()];
  }, [contests.data]);

  return (
    <>
      <PageHeader title={t('public.contests.title')} subtitle={t('public.contests.subtitle')} />
      <NoticesBanner />
      {contests.error !== undefined ? (
        <RequestError error={contests.error} onRetry={contests.reload} />
      ) : !contests.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : byCategory.length === 0 ? (
        <Empty description={t('public.contests.empty')} />
      ) : (
        byCategory.map(([category, items]) => (
          <section key={category} className="public-category" aria-label={category}>
            <h2>
              {category}{' '}
              <span className="muted small">
                {t('public.contests.count', { count: items.length })}
              </span>
            </h2>
            <Row gutter={[16, 16]}>
              {items.map((c) => (
                <Col key={c.id} xs={24} md={12} xl={8}>
                  <Card size="small" className="public-contest-card">
                    <Link to={`/public/contests/${c.id}`} className="public-contest-title">
                      {c.title}
                    </Link>
                    <div className="muted small">
                      {t('public.contests.organizer', { name: c.organizer.name })} ·{' '}
                      {t('public.contests.rounds', { count: c.rounds })}
                    </div>
                    {c.latestRound ? (
                      <div className="public-latest">
                        <Tag color="blue">{t('public.contests.latest')}</Tag>
                        <Link to={`/public/rounds/${c.latestRound.id}`}>
                          {t('public.contests.ranking', {
                            period: periodText(c.latestRound.period, i18n.language),
                          })}
                        </Link>
                        <span className="muted small">
                          {' '}
                          {formatDate(c.latestRound.publishedAt)}
                        </span>
                      </div>
                    ) : null}
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
        ))
      )}
    </>
  );
}
