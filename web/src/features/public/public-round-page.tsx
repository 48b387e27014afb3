import { FlagFilled } from '@ant-design/icons';
import { Alert, Card, List, Result, Skeleton, Statistic, Tabs } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/error-message.ts';
import { publicApi } from '../../api/public.ts';
import type { UnitResult } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { WhenVisible } from '../../components/when-visible.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { ResultsTable } from '../results/results-table.tsx';

const RED = '#cf1322';
const YELLOW = '#d4a106';
const PLAIN = '#5b8ff9';

function TotalsChart({ items, label }: { items: UnitResult[]; label: string }) {
  const sorted = [...items].sort((a, b) => a.rank - b.rank);
  return (
    <Suspense fallback={<Skeleton active />}>
      <LazyChart
        ariaLabel={label}
        height={Math.max(260, sorted.length * 22)}
        option={{
          grid: { left: 96, right: 48, top: 8, bottom: 24 },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
          series: [
            {
              type: 'bar',
              data: sorted.map((r) => ({
                value: r.total,
                itemStyle: { color: r.flag === 'red' ? RED : r.flag === 'yellow' ? YELLOW : PLAIN },
              })),
              label: { show: true, position: 'right' },
            },
          ],
        }}
      />
    </Suspense>
  );
}

/** A published round's ranking for the public: flags, 单项排名, movement, correction notes. */
export default function PublicRoundPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const round = useRequest(`public:round:${id}`, (signal) => publicApi.round(id, signal));
  const items = round.data?.items ?? [];
  const groups = useMemo(
    () => [...new Set(items.map((i) => i.group).filter((g) => g !== ''))],
    [items],
  );

  if (round.error !== undefined) {
    return isNotFound(round.error) ? (
      <Result
        status="404"
        title={t('public.round.notFound')}
        extra={<Link to="/public">{t('public.backHome')}</Link>}
      />
    ) : (
      <RequestError error={round.error} onRetry={round.reload} />
    );
  }
  const data = round.data;
  if (!data) return <Skeleton active paragraph={{ rows: 14 }} />;
  const r = data.round;
  const period = periodText(r.period, i18n.language);
  const red = items.filter((i) => i.flag === 'red');
  const yellow = items.filter((i) => i.flag === 'yellow');
  const corrections = data.revisions.filter((x) => x.revision > 0);
  const unitLink = (code: string) => `/public/units/${encodeURIComponent(code)}`;
  const table = (subset: UnitResult[], overall: boolean) => (
    <ResultsTable
      items={subset}
      indicators={r.rubric.indicators}
      precision={r.rubric.precision}
      grouped={groups.length > 0 && overall}
      overall={overall}
      unitLink={unitLink}
    />
  );

  return (
    <>
      <nav className="page-breadcrumb" aria-label={t('public.breadcrumb')}>
        <Link to="/public">{t('public.nav.contests')}</Link> ›{' '}
        <Link to={`/public/contests/${r.contest.id}`}>{r.contest.title}</Link>
      </nav>
      <PageHeader
        title={t('public.round.title', { contest: r.contest.title, period })}
        subtitle={t('public.round.subtitle', {
          category: r.contest.category,
          date: formatDateTime(r.publishedAt),
        })}
      />
      {corrections.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="section-alert"
          title={t('public.round.correctedN', { n: r.revision })}
          description={
            <ul className="correction-notes">
              {corrections.map((x) => (
                <li key={x.revision}>
                  {t('public.round.correctionNote', {
                    n: x.revision,
                    date: formatDateTime(x.publishedAt),
                    reason: x.reason ?? t('public.round.noReason'),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <div className="stat-row">
        <Card size="small">
          <Statistic title={t('public.round.units')} value={items.length} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('flags.red')}
            value={red.length}
            prefix={<FlagFilled style={{ color: RED }} />}
          />
          <div className="muted small flag-names">{red.map((i) => i.name).join('、')}</div>
        </Card>
        <Card size="small">
          <Statistic
            title={t('flags.yellow')}
            value={yellow.length}
            prefix={<FlagFilled style={{ color: YELLOW }} />}
          />
          <div className="muted small flag-names">{yellow.map((i) => i.name).join('、')}</div>
        </Card>
      </div>
      <Card size="small" className="section-card" title={t('public.round.ranking')}>
        {groups.length > 0 ? (
          <Tabs
            items={[
              ...groups.map((group) => ({
                key: group,
                label: group,
                children: table(
                  items.filter((i) => i.group === group),
                  false,
                ),
              })),
              { key: '__all__', label: t('results.allGroups'), children: table(items, true) },
            ]}
          />
        ) : (
          table(items, false)
        )}
        <p className="muted small results-legend">{t('results.legend')}</p>
      </Card>
      {items.length > 0 ? (
        <Card size="small" className="section-card" title={t('public.round.chart')}>
          <WhenVisible minHeight={Math.max(260, items.length * 22)}>
            <TotalsChart items={items} label={t('public.round.chartLabel', { period })} />
          </WhenVisible>
        </Card>
      ) : null}
      {data.practices.length > 0 ? (
        <Card size="small" className="section-card" title={t('public.practices.title')}>
          <List
            dataSource={data.practices}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/public/practices/${p.id}`}>{p.title}</Link>}
                  description={[p.unit?.name, p.summary].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
