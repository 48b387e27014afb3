import { Card, Col, DatePicker, Empty, Row, Skeleton, type TableColumnType, Tag } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { countyDashboard, type Dashboard } from '../../api/dashboard.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useNarrow } from '../../hooks/use-narrow.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';

type Progress = Dashboard['progress'][number];
type Overdue = Dashboard['overdue'][number];
type Rectification = Dashboard['rectifications'][number];
type Appeal = Dashboard['appeals'][number];
type Top = NonNullable<Dashboard['assessment']>['top'][number];

/** Rows a phone shows of a long list (cards have no pages); the rest is a link away. */
const PHONE_ROWS = 10;

const RED = '#cf1322';
const YELLOW = '#d4a106';

interface SeriesRow {
  key: string;
  title: string;
  units: number;
  reported: number;
  red: number;
  yellow: number;
}

/** The month's contests summed by series; a contest outside every series stands alone. */
export function bySeries(progress: Progress[]): SeriesRow[] {
  const rows = new Map<string, SeriesRow>();
  for (const p of progress) {
    const key = p.series ? `s${p.series.id}` : `c${p.contest.id}`;
    const row = rows.get(key) ?? {
      key,
      title: p.series?.title ?? p.contest.title,
      units: 0,
      reported: 0,
      red: 0,
      yellow: 0,
    };
    row.units += p.units;
    row.reported += p.reported;
    row.red += p.red;
    row.yellow += p.yellow;
    rows.set(key, row);
  }
  return [...rows.values()];
}

function Kpi({
  title,
  value,
  hint,
  tone,
  testId,
}: {
  title: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'danger' | 'warning' | 'red' | 'yellow';
  testId: string;
}) {
  return (
    <Card size="small" className={`kpi-card${tone ? ` kpi-${tone}` : ''}`} data-testid={testId}>
      <div className="kpi-title">{title}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-hint muted">{hint}</div> : null}
    </Card>
  );
}

/** A horizontal bar chart, one bar per row; long names cut short so a phone keeps its width. */
function barOption(
  names: string[],
  series: { name: string; data: number[]; color: string }[],
): Record<string, unknown> {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      stack: 'total',
      name: s.name,
      data: s.data,
      itemStyle: { color: s.color },
      barMaxWidth: 22,
    })),
  };
}

function ChartCard({
  title,
  option,
  rows,
  ariaLabel,
  empty,
}: {
  title: string;
  option: Record<string, unknown>;
  rows: number;
  ariaLabel: string;
  empty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="section-card dashboard-chart" title={title}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noData')} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <LazyChart option={option} height={Math.max(240, rows * 28 + 70)} ariaLabel={ariaLabel} />
        </Suspense>
      )}
    </Card>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = useMemo(() => bySeries(data.progress), [data.progress]);
  const flagged = rows.filter((r) => r.red + r.yellow > 0);
  const grades = Object.entries(data.assessment?.grades ?? {});
  return (
    <Row gutter={[16, 0]}>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard
          title={t('dashboard.progressChart')}
          ariaLabel={t('dashboard.progressLabel')}
          rows={rows.length}
          empty={rows.length === 0}
          option={barOption(
            rows.map((r) => r.title),
            [
              {
                name: t('dashboard.reported'),
                data: rows.map((r) => r.reported),
                color: '#1677ff',
              },
              {
                name: t('dashboard.notReported'),
                data: rows.map((r) => r.units - r.reported),
                color: '#d9d9d9',
              },
            ],
          )}
        />
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard
          title={t('dashboard.flagsChart')}
          ariaLabel={t('dashboard.flagsLabel')}
          rows={flagged.length}
          empty={flagged.length === 0}
          option={barOption(
            flagged.map((r) => r.title),
            [
              { name: t('dashboard.red'), data: flagged.map((r) => r.red), color: RED },
              { name: t('dashboard.yellow'), data: flagged.map((r) => r.yellow), color: YELLOW },
            ],
          )}
        />
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <ChartCard
          title={
            data.assessment
              ? t('dashboard.gradesChart', { title: data.assessment.title })
              : t('dashboard.noAssessment')
          }
          ariaLabel={t('dashboard.gradesLabel')}
          rows={4}
          empty={grades.length === 0}
          option={{
            animation: false,
            tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
            legend: { bottom: 0 },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                center: ['50%', '45%'],
                label: { formatter: '{b} {c}' },
                data: grades.map(([name, value]) => ({ name, value })),
              },
            ],
          }}
        />
      </Col>
    </Row>
  );
}

function OverdueTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const columns: (TableColumnType<Overdue> & { key: string })[] = [
    { key: 'unit', title: t('dashboard.unit'), render: (_: unknown, o) => o.unit.name },
    {
      key: 'contest',
      title: t('dashboard.contest'),
      render: (_: unknown, o) => (
        <Link to={`/rounds/${o.round.id}`}>
          {o.contest.title} · {o.round.periodLabel}
        </Link>
      ),
    },
    {
      key: 'days',
      title: t('dashboard.daysLate'),
      width: 100,
      align: 'right',
      render: (_: unknown, o) => (
        <span className="deadline-past">{t('dashboard.daysLateN', { days: o.days })}</span>
      ),
    },
  ];
  return (
    <Card
      size="small"
      className="section-card"
      title={t('dashboard.overdueTitle')}
      extra={t('common.countItems', { count: data.totals.overdueUnits })}
      data-testid="dashboard-overdue"
    >
      <ResponsiveTable<Overdue>
        size="small"
        rowKey={(o) => `${o.round.id}:${o.unit.id}`}
        cardTitle="unit"
        cardExtra="days"
        columns={columns}
        dataSource={narrow ? data.overdue.slice(0, PHONE_ROWS) : data.overdue}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOverdue')} />
          ),
        }}
      />
    </Card>
  );
}

function RectificationsTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const columns: (TableColumnType<Rectification> & { key: string })[] = [
    { key: 'unit', title: t('dashboard.unit'), dataIndex: 'unit' },
    {
      key: 'contest',
      title: t('dashboard.contest'),
      render: (_: unknown, r) => `${r.contest.title} · ${r.periodLabel}`,
    },
    {
      key: 'state',
      title: t('rectifications.state'),
      width: 90,
      render: (_: unknown, r) => <Tag>{r.stateName}</Tag>,
    },
    {
      key: 'deadline',
      title: t('rectifications.deadline'),
      width: 150,
      render: (_: unknown, r) => (
        <span>
          {formatDate(r.deadline)}{' '}
          {r.overdue ? <Tag color="red">{t('dashboard.rectOverdue')}</Tag> : null}
        </span>
      ),
    },
  ];
  return (
    <Card
      size="small"
      className="section-card"
      title={<Link to="/rectifications">{t('dashboard.rectTitle')}</Link>}
      extra={t('dashboard.rectificationsOf', {
        open: data.totals.openRectifications,
        overdue: data.totals.overdueRectifications,
      })}
      data-testid="dashboard-rectifications"
    >
      <ResponsiveTable<Rectification>
        size="small"
        rowKey={(r) => r.id}
        cardTitle="unit"
        columns={columns}
        dataSource={narrow ? data.rectifications.slice(0, PHONE_ROWS) : data.rectifications}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noRects')} />
          ),
        }}
      />
    </Card>
  );
}

function AppealsTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const columns: (TableColumnType<Appeal> & { key: string })[] = [
    { key: 'unit', title: t('dashboard.unit'), dataIndex: 'unit' },
    {
      key: 'contest',
      title: t('dashboard.contest'),
      render: (_: unknown, a) => (
        <Link to={`/rounds/${a.round.id}`}>
          {a.contest.title} · {a.round.periodLabel}
        </Link>
      ),
    },
    { key: 'indicator', title: t('dashboard.indicator'), dataIndex: 'indicator', width: 80 },
    {
      key: 'filedAt',
      title: t('dashboard.filedAt'),
      width: 150,
      render: (_: unknown, a) => formatDateTime(a.filedAt),
    },
  ];
  return (
    <Card size="small" className="section-card" title={t('dashboard.appealsTitle')}>
      <ResponsiveTable<Appeal>
        size="small"
        rowKey={(a) => a.id}
        cardTitle="unit"
        columns={columns}
        dataSource={narrow ? data.appeals.slice(0, PHONE_ROWS) : data.appeals}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noAppeals')} />
          ),
        }}
      />
    </Card>
  );
}

function TopTable({ assessment }: { assessment: NonNullable<Dashboard['assessment']> }) {
  const { t } = useTranslation();
  const columns: (TableColumnType<Top> & { key: string })[] = [
    { key: 'name', title: t('dashboard.unit'), dataIndex: 'name' },
    {
      key: 'rank',
      title: t('dashboard.rank'),
      width: 120,
      render: (_: unknown, u) => t('dashboard.rankIn', { rank: u.rank, className: u.className }),
    },
    {
      key: 'total',
      title: t('dashboard.total'),
      width: 90,
      align: 'right',
      render: (_: unknown, u) => formatNumber(u.total),
    },
    { key: 'grade', title: t('dashboard.grade'), dataIndex: 'grade', width: 80 },
  ];
  return (
    <Card
      size="small"
      className="section-card"
      title={<Link to={`/assessments/${assessment.id}`}>{t('dashboard.topTitle')}</Link>}
    >
      <ResponsiveTable<Top>
        size="small"
        rowKey={(u) => u.code}
        cardTitle="name"
        cardExtra="rank"
        columns={columns}
        dataSource={assessment.top}
        pagination={false}
      />
    </Card>
  );
}

/** 全县概览: the leader's and organizer's landing page, the county in one month (DESIGN §7). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : undefined;
  const dashboard = useRequest(`dashboard:${period ?? ''}`, (signal) =>
    countyDashboard(period, signal),
  );
  const data = dashboard.data;
  const totals = data?.totals;
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <div className="dashboard-toolbar">
        <DatePicker
          picker="month"
          aria-label={t('dashboard.month')}
          allowClear={false}
          value={data ? dayjs(`${data.period}-01`) : period ? dayjs(`${period}-01`) : dayjs()}
          onChange={(d) => {
            if (d) setParams({ period: d.format('YYYY-MM') }, { replace: true });
          }}
        />
        {data ? <strong className="dashboard-period">{data.periodLabel}</strong> : null}
      </div>
      {dashboard.error !== undefined ? (
        <RequestError error={dashboard.error} onRetry={dashboard.reload} />
      ) : !data || !totals ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} className="kpi-row">
            <Col xs={12} md={8} xl={4}>
              <Kpi
                testId="kpi-progress"
                title={t('dashboard.progress')}
                value={t('dashboard.progressOf', { done: totals.reported, total: totals.units })}
                hint={t('dashboard.progressHint', { contests: totals.contests })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                testId="kpi-overdue"
                title={t('dashboard.overdueUnits')}
                value={totals.overdueUnits}
                {...(totals.overdueUnits > 0 ? { tone: 'danger' as const } : {})}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi testId="kpi-red" title={t('dashboard.red')} value={totals.red} tone="red" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                testId="kpi-yellow"
                title={t('dashboard.yellow')}
                value={totals.yellow}
                tone="yellow"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                testId="kpi-appeals"
                title={t('dashboard.appeals')}
                value={totals.openAppeals}
                {...(totals.openAppeals > 0 ? { tone: 'warning' as const } : {})}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Kpi
                testId="kpi-rectifications"
                title={t('dashboard.rectifications')}
                value={`${totals.openRectifications} / ${totals.overdueRectifications}`}
                hint={t('dashboard.rectificationsOf', {
                  open: totals.openRectifications,
                  overdue: totals.overdueRectifications,
                })}
                {...(totals.overdueRectifications > 0 ? { tone: 'danger' as const } : {})}
              />
            </Col>
          </Row>
          <Charts data={data} />
          <Row gutter={[16, 0]}>
            <Col xs={24} xl={12}>
              <OverdueTable data={data} />
              <AppealsTable data={data} />
            </Col>
            <Col xs={24} xl={12}>
              <RectificationsTable data={data} />
              {data.assessment && data.assessment.top.length > 0 ? (
                <TopTable assessment={data.assessment} />
              ) : null}
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
