import { FlagFilled } from '@ant-design/icons';
import {
  Card,
  Col,
  Empty,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listContests } from '../../api/contests.ts';
import { type FlagTally, flagTallies } from '../../api/me.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

interface ContestTally {
  id: number;
  title: string;
  category: string;
  red: number;
  yellow: number;
  redUnits: string[];
  yellowUnits: string[];
}

/** 红旗榜: the year's red and yellow flags per unit and per contest. */
export default function FlagsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const contestParam = params.get('contest');
  const contest = contestParam && /^\d+$/.test(contestParam) ? Number(contestParam) : undefined;
  const tallies = useRequest(`flags:${year}:${contest ?? ''}`, (signal) =>
    flagTallies({ year, ...(contest ? { contest } : {}) }, signal),
  );
  // The contest list is for signed-in staff (issue 12); signed out, the tallies stand alone.
  const { status } = useSession();
  const contests = useRequest(status === 'signed-in' ? 'contests' : null, (signal) =>
    listContests({}, signal),
  );
  const items = tallies.data?.items ?? [];

  const byContest = useMemo(() => {
    const map = new Map<number, ContestTally>();
    for (const tally of items) {
      for (const c of tally.contests) {
        const row = map.get(c.id) ?? { ...c, red: 0, yellow: 0, redUnits: [], yellowUnits: [] };
        row.red += c.red;
        row.yellow += c.yellow;
        if (c.red) row.redUnits.push(tally.unit.name);
        if (c.yellow) row.yellowUnits.push(tally.unit.name);
        map.set(c.id, row);
      }
    }
    return [...map.values()].sort(
      (a, b) => b.red - a.red || a.title.localeCompare(b.title, 'zh-CN'),
    );
  }, [items]);

  const option = useMemo(() => {
    const rows = [...items].slice(0, 30).reverse();
    return {
      grid: { left: 96, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('flags.red'), t('flags.yellow')] },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.unit.name) },
      series: [
        {
          type: 'bar',
          name: t('flags.red'),
          stack: 'flags',
          data: rows.map((r) => r.red),
          itemStyle: { color: '#cf1322' },
          barMaxWidth: 18,
        },
        {
          type: 'bar',
          name: t('flags.yellow'),
          stack: 'flags',
          data: rows.map((r) => r.yellow),
          itemStyle: { color: '#d4a106' },
          barMaxWidth: 18,
        },
      ],
    };
  }, [items, t]);

  const setFilter = (key: 'year' | 'contest', value: string | undefined) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const columns: TableColumnsType<FlagTally> = [
    {
      key: 'place',
      title: t('flags.place'),
      width: 64,
      align: 'center',
      render: (_: unknown, _r, index) => index + 1,
    },
    {
      key: 'unit',
      title: t('common.unit'),
      width: 140,
      render: (_: unknown, r) => <Link to={`/units/${r.unit.code}`}>{r.unit.name}</Link>,
    },
    {
      key: 'red',
      title: t('flags.redCount'),
      width: 96,
      align: 'center',
      render: (_: unknown, r) => (r.red ? <strong className="flag-num red">{r.red}</strong> : '0'),
    },
    {
      key: 'yellow',
      title: t('flags.yellowCount'),
      width: 96,
      align: 'center',
      render: (_: unknown, r) =>
        r.yellow ? <strong className="flag-num yellow">{r.yellow}</strong> : '0',
    },
    {
      key: 'contests',
      title: t('flags.fromContests'),
      render: (_: unknown, r) => t('flags.contestCount', { count: r.contests.length }),
    },
  ];
  const contestColumns: TableColumnsType<ContestTally> = [
    {
      key: 'title',
      title: t('workbench.contest'),
      render: (_: unknown, c) => <Link to={`/contests/${c.id}`}>{c.title}</Link>,
    },
    { key: 'category', title: t('contests.category'), dataIndex: 'category', width: 120 },
    { key: 'red', title: t('flags.redCount'), dataIndex: 'red', width: 80, align: 'center' },
    {
      key: 'yellow',
      title: t('flags.yellowCount'),
      dataIndex: 'yellow',
      width: 80,
      align: 'center',
    },
    {
      key: 'redUnits',
      title: t('flags.redUnits'),
      render: (_: unknown, c) => c.redUnits.join('、') || '—',
    },
    {
      key: 'yellowUnits',
      title: t('flags.yellowUnits'),
      render: (_: unknown, c) => c.yellowUnits.join('、') || '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('flags.title')} subtitle={t('flags.subtitle')} />
      <Space wrap className="page-filter">
        <span>{t('flags.year')}</span>
        <Select
          aria-label={t('flags.year')}
          value={year}
          onChange={(value: number) => setFilter('year', String(value))}
          options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: t('flags.yearN', { year: y }),
          }))}
          style={{ width: 120 }}
        />
        <span>{t('workbench.contest')}</span>
        <Select
          aria-label={t('workbench.contest')}
          allowClear
          placeholder={t('flags.allContests')}
          value={contest}
          onChange={(value: number | undefined) =>
            setFilter('contest', value ? String(value) : undefined)
          }
          options={(contests.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          style={{ minWidth: 260 }}
        />
      </Space>
      {tallies.error !== undefined ? (
        <RequestError error={tallies.error} onRetry={tallies.reload} />
      ) : !tallies.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('flags.empty', { year })} />
        </Card>
      ) : (
        <>
          <div className="stat-row">
            <Card size="small">
              <div className="flag-total red">
                <FlagFilled />{' '}
                {t('flags.totalRed', { count: items.reduce((s, i) => s + i.red, 0) })}
              </div>
            </Card>
            <Card size="small">
              <div className="flag-total yellow">
                <FlagFilled />{' '}
                {t('flags.totalYellow', { count: items.reduce((s, i) => s + i.yellow, 0) })}
              </div>
            </Card>
            <Card size="small">
              <div className="flag-total">{t('flags.unitsWithFlags', { count: items.length })}</div>
            </Card>
          </div>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('flags.byUnit')} className="section-card">
                <Table<FlagTally>
                  size="small"
                  bordered
                  rowKey={(r) => r.unit.id}
                  expandable={{
                    expandedRowRender: (r) => (
                      <span className="flag-sources">
                        {r.contests.map((c) => (
                          <span key={c.id}>
                            <Link to={`/contests/${c.id}`}>{c.title}</Link>
                            {c.red ? (
                              <Tag color="#cf1322">{t('flags.redN', { count: c.red })}</Tag>
                            ) : null}
                            {c.yellow ? (
                              <Tag color="#d4a106">{t('flags.yellowN', { count: c.yellow })}</Tag>
                            ) : null}
                          </span>
                        ))}
                      </span>
                    ),
                  }}
                  columns={columns}
                  dataSource={items}
                  pagination={items.length > 50 ? { pageSize: 50 } : false}
                  scroll={{ x: 640 }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('flags.chart')} className="section-card">
                <Suspense fallback={<Skeleton active />}>
                  <LazyChart
                    option={option}
                    height={Math.max(260, Math.min(items.length, 30) * 26 + 60)}
                    ariaLabel={t('flags.chartLabel', { year })}
                  />
                </Suspense>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('flags.byContest')} className="section-card">
            <Table<ContestTally>
              size="small"
              bordered
              rowKey="id"
              columns={contestColumns}
              dataSource={byContest}
              pagination={false}
              scroll={{ x: 720 }}
            />
          </Card>
        </>
      )}
    </>
  );
}
