import { Card, Descriptions, Empty, Result, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/error-message.ts';
import { type PublicRoundSummary, publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { RubricView } from '../rubrics/rubric-view.tsx';

/** A contest as the public sees it: its published rubric (提前发布评分标准) and published rounds. */
export default function PublicContestPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const contest = useRequest(`public:contest:${id}`, (signal) => publicApi.contest(id, signal));

  if (contest.error !== undefined) {
    return isNotFound(contest.error) ? (
      <Result
        status="404"
        title={t('public.contest.notFound')}
        extra={<Link to="/public">{t('public.backHome')}</Link>}
      />
    ) : (
      <RequestError error={contest.error} onRetry={contest.reload} />
    );
  }
  const c = contest.data;
  if (!c) return <Skeleton active paragraph={{ rows: 12 }} />;
  const rounds = [...c.rounds].sort((a, b) => b.period.localeCompare(a.period));
  const latestVersion = c.rubricVersions[c.rubricVersions.length - 1];

  return (
    <>
      <nav className="page-breadcrumb" aria-label={t('public.breadcrumb')}>
        <Link to="/public">{t('public.nav.contests')}</Link> › {c.category}
      </nav>
      <PageHeader title={c.title} subtitle={c.description ?? undefined} />
      <Card size="small" className="section-card">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('public.contest.category')}>{c.category}</Descriptions.Item>
          <Descriptions.Item label={t('public.contest.organizer')}>
            {c.organizer.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('public.contest.participants')}>
            {t('public.contest.participantCount', { count: c.participants.length })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" className="section-card" title={t('public.contest.rounds')}>
        <Table<PublicRoundSummary>
          size="small"
          rowKey="id"
          dataSource={rounds}
          pagination={false}
          locale={{ emptyText: t('public.contest.noRounds') }}
          columns={[
            {
              key: 'period',
              title: t('public.contest.period'),
              render: (_: unknown, r) => (
                <Link to={`/public/rounds/${r.id}`}>{periodText(r.period, i18n.language)}</Link>
              ),
            },
            {
              key: 'publishedAt',
              title: t('public.contest.publishedAt'),
              render: (_: unknown, r) => formatDateTime(r.publishedAt),
            },
            {
              key: 'revision',
              title: t('public.contest.correction'),
              render: (_: unknown, r) =>
                r.revision > 0 ? (
                  <Tag color="orange">{t('public.round.correctedN', { n: r.revision })}</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        className="section-card"
        title={
          latestVersion
            ? t('public.contest.rubricVersion', {
                version: latestVersion.version,
                date: formatDateTime(latestVersion.publishedAt),
              })
            : t('public.contest.rubric')
        }
      >
        {c.rubric ? (
          <RubricView rubric={c.rubric} />
        ) : (
          <Empty description={t('public.contest.noRubric')} />
        )}
      </Card>
    </>
  );
}
