import { Card, Result, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/error-message.ts';
import { publicApi, type UnitHistory } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { formatScore } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

type Row = UnitHistory['items'][number];

/** A unit across every published round: totals, places and flags (历次成绩). */
export default function PublicUnitPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const history = useRequest(`public:unit:${code}`, (signal) =>
    publicApi.unitHistory(code, signal),
  );
  if (history.error !== undefined) {
    return isNotFound(history.error) ? (
      <Result
        status="404"
        title={t('public.unit.notFound')}
        extra={<Link to="/public">{t('public.backHome')}</Link>}
      />
    ) : (
      <RequestError error={history.error} onRetry={history.reload} />
    );
  }
  const h = history.data;
  if (!h) return <Skeleton active paragraph={{ rows: 12 }} />;
  const rows = [...h.items].sort(
    (a, b) => b.period.localeCompare(a.period) || a.contest.title.localeCompare(b.contest.title),
  );
  return (
    <>
      <PageHeader
        title={t('public.unit.title', { name: h.unit.name })}
        subtitle={t('public.unit.subtitle')}
      />
      <div className="stat-row">
        <Card size="small">
          <Statistic title={t('public.unit.rounds')} value={rows.length} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('flags.redCount')}
            value={rows.filter((r) => r.flag === 'red').length}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t('flags.yellowCount')}
            value={rows.filter((r) => r.flag === 'yellow').length}
          />
        </Card>
      </div>
      <Card size="small" className="section-card">
        <ResponsiveTable<Row>
          size="small"
          rowKey={(r) => r.roundId}
          cardTitle="contest"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('public.unit.empty') }}
          columns={[
            {
              key: 'period',
              title: t('public.contest.period'),
              width: 120,
              render: (_: unknown, r) => periodText(r.period, i18n.language),
            },
            {
              key: 'contest',
              title: t('public.unit.contest'),
              render: (_: unknown, r) => (
                <Link to={`/public/rounds/${r.roundId}`}>{r.contest.title}</Link>
              ),
            },
            {
              key: 'total',
              title: t('results.total'),
              align: 'right',
              render: (_: unknown, r) => formatScore(r.total),
            },
            { key: 'rank', title: t('results.rank'), align: 'right', dataIndex: 'rank' },
            {
              key: 'change',
              title: t('results.change'),
              align: 'center',
              render: (_: unknown, r) => <RankChange change={r.rankChange} />,
            },
            {
              key: 'flag',
              title: t('results.flag'),
              render: (_: unknown, r) => <FlagBadge flag={r.flag} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
