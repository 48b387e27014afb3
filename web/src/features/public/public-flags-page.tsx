import { FlagFilled } from '@ant-design/icons';
import { Card, Empty, Select, Skeleton, Table, Tag } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type PublicFlagTally, publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

/** The year's 红旗榜 for the public: red and yellow flags per unit, most red first. */
export default function PublicFlagsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const tallies = useRequest(`public:flags:${year}`, (signal) => publicApi.flags(year, signal));
  const items = useMemo(
    () =>
      [...(tallies.data?.items ?? [])]
        .filter((x) => x.red + x.yellow > 0)
        .sort(
          (a, b) => b.red - a.red || a.yellow - b.yellow || a.unit.code.localeCompare(b.unit.code),
        ),
    [tallies.data],
  );
  const top = items.slice(0, 20);

  return (
    <>
      <div className="page-title-row">
        <PageHeader
          title={t('public.flags.title', { year })}
          subtitle={t('public.flags.subtitle')}
        />
        <Select
          aria-label={t('flags.year')}
          value={year}
          onChange={(value: number) => setParams({ year: String(value) }, { replace: true })}
          options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({
            value: y,
            label: t('flags.yearN', { year: y }),
          }))}
          style={{ width: 120 }}
        />
      </div>
      {tallies.error !== undefined ? (
        <RequestError error={tallies.error} onRetry={tallies.reload} />
      ) : !tallies.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : items.length === 0 ? (
        <Empty description={t('flags.empty', { year })} />
      ) : (
        <>
          <Card size="small" className="section-card" title={t('flags.chart')}>
            <Suspense fallback={<Skeleton active />}>
              <LazyChart
                ariaLabel={t('flags.chartLabel', { year })}
                height={Math.max(260, top.length * 24)}
                option={{
                  grid: { left: 96, right: 32, top: 32, bottom: 24 },
                  legend: { top: 0, data: [t('flags.red'), t('flags.yellow')] },
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', inverse: true, data: top.map((x) => x.unit.name) },
                  series: [
                    {
                      name: t('flags.red'),
                      type: 'bar',
                      stack: 'flags',
                      color: '#cf1322',
                      data: top.map((x) => x.red),
                    },
                    {
                      name: t('flags.yellow'),
                      type: 'bar',
                      stack: 'flags',
                      color: '#d4a106',
                      data: top.map((x) => x.yellow),
                    },
                  ],
                }}
              />
            </Suspense>
          </Card>
          <Card size="small" className="section-card">
            <Table<PublicFlagTally>
              size="small"
              rowKey={(x) => x.unit.code}
              dataSource={items}
              pagination={items.length > 50 ? { pageSize: 50 } : false}
              expandable={{
                expandedRowRender: (x) => (
                  <div className="flag-contests">
                    {x.contests.map((c) => (
                      <Tag key={c.id}>
                        {c.title}
                        {c.red ? ` · ${t('flags.redN', { count: c.red })}` : ''}
                        {c.yellow ? ` · ${t('flags.yellowN', { count: c.yellow })}` : ''}
                      </Tag>
                    ))}
                  </div>
                ),
              }}
              columns={[
                {
                  key: 'place',
                  title: t('flags.place'),
                  width: 64,
                  align: 'center',
                  render: (_: unknown, _x, index) => index + 1,
                },
                {
                  key: 'unit',
                  title: t('common.unit'),
                  render: (_: unknown, x) => (
                    <Link to={`/public/units/${encodeURIComponent(x.unit.code)}`}>
                      {x.unit.name}
                    </Link>
                  ),
                },
                {
                  key: 'red',
                  title: t('flags.redCount'),
                  align: 'right',
                  render: (_: unknown, x) => (
                    <span className="flag-count-red">
                      <FlagFilled /> {x.red}
                    </span>
                  ),
                },
                {
                  key: 'yellow',
                  title: t('flags.yellowCount'),
                  align: 'right',
                  render: (_: unknown, x) => (
                    <span className="flag-count-yellow">
                      <FlagFilled /> {x.yellow}
                    </span>
                  ),
                },
                {
                  key: 'contests',
                  title: t('flags.fromContests'),
                  render: (_: unknown, x) => t('flags.contestCount', { count: x.contests.length }),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
