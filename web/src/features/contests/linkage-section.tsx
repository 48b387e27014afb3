import { BarChartOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Skeleton, Space, Table, type TableColumnsType, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type Contest,
  getContest,
  getLinkage,
  type LinkageTown,
  type LinkageVillage,
  listContests,
} from '../../api/contests.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { formatNumber, formatScore } from '../../lib/format.ts';
import { PERIOD_PATTERNS, periodText } from '../../lib/period.ts';

const BLUE = '#1d5bbf';

/**
 * The periods in which some town's contest made from the template has a published round: the
 * template's own cadence first (newest first), then its extra cadences.
 */
async function linkagePeriods(template: Contest, signal: AbortSignal): Promise<string[]> {
  const all = await listContests({}, signal);
  const instances = all.items.filter((c) => c.templateId === template.id);
  const contests = await Promise.all(instances.map((c) => getContest(c.id, signal)));
  const periods = new Set<string>();
  for (const contest of contests) {
    for (const round of contest.rounds) if (round.state === 'published') periods.add(round.period);
  }
  const main = PERIOD_PATTERNS[template.cadence];
  const sorted = [...periods].sort((a, b) => b.localeCompare(a));
  return [...sorted.filter((p) => main.test(p)), ...sorted.filter((p) => !main.test(p))];
}

function TownsChart({ towns, periodLabel }: { towns: LinkageTown[]; periodLabel: string }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = towns
      .filter((town) => town.meanTotal !== null)
      .sort((a, b) => (b.meanTotal ?? 0) - (a.meanTotal ?? 0));
    return {
      grid: { left: 48, right: 32, top: 32, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.town.name),
        axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', name: t('linkage.meanTotal') },
      series: [
        {
          type: 'bar',
          name: t('linkage.meanTotal'),
          data: rows.map((r) => r.meanTotal),
          barMaxWidth: 36,
          itemStyle: { color: BLUE },
          label: { show: true, position: 'top', formatter: '{c}' },
        },
      ],
    };
  }, [towns, t]);
  return (
    <Suspense fallback={<Skeleton active />}>
      <LazyChart
        option={option}
        height={300}
        ariaLabel={t('linkage.chartLabel', { period: periodLabel })}
      />
    </Suspense>
  );
}

/** 各镇对比 (三级联动): every town's village round of a template side by side, villages ranked county-wide. */
export default function LinkageSection({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation();
  const periods = useRequest(`linkage-periods:${contest.id}`, (signal) =>
    linkagePeriods(contest, signal),
  );
  const [chosen, setChosen] = useState<string | undefined>();
  const period = chosen ?? periods.data?.[0];
  const linkage = useRequest(period ? `linkage:${contest.id}:${period}` : null, (signal) =>
    getLinkage(contest.id, period ?? '', signal),
  );

  if (periods.error !== undefined) {
    return <RequestError error={periods.error} onRetry={periods.reload} />;
  }
  if (!periods.data) return <Skeleton active />;
  if (!periods.data.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('linkage.noPeriods')} />;
  }

  const townColumns: TableColumnsType<LinkageTown> = [
    {
      key: 'town',
      title: t('linkage.town'),
      render: (_: unknown, town) =>
        town.contestId === null ? (
          town.town.name
        ) : (
          <Link to={`/contests/${town.contestId}`}>{town.town.name}</Link>
        ),
    },
    {
      key: 'round',
      title: t('linkage.round'),
      width: 110,
      render: (_: unknown, town) =>
        !town.started ? (
          <Tag className="linkage-not-started">{t('linkageAll.notStarted')}</Tag>
        ) : town.round ? (
          <RoundStateTag state={town.round.state} />
        ) : (
          <span className="muted">{t('linkage.notOpened')}</span>
        ),
    },
    {
      key: 'participants',
      title: t('linkage.villagesCount'),
      dataIndex: 'participants',
      width: 120,
      align: 'right',
    },
    {
      key: 'mean',
      title: t('linkage.meanTotal'),
      width: 110,
      align: 'right',
      render: (_: unknown, town) => formatScore(town.meanTotal),
    },
    { key: 'red', title: t('linkage.red'), dataIndex: 'red', width: 90, align: 'right' },
    { key: 'yellow', title: t('linkage.yellow'), dataIndex: 'yellow', width: 90, align: 'right' },
    {
      key: 'best',
      title: t('linkage.best'),
      render: (_: unknown, town) =>
        town.best
          ? t('linkage.bestLine', { name: town.best.name, total: formatNumber(town.best.total) })
          : '—',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_: unknown, town) =>
        town.round?.state === 'published' ? (
          <Link to={`/rounds/${town.round.id}/results`}>
            <BarChartOutlined /> {t('linkage.viewResults')}
          </Link>
        ) : null,
    },
  ];

  const villageColumns: TableColumnsType<LinkageVillage> = [
    {
      key: 'countyRank',
      title: t('linkage.countyRank'),
      dataIndex: 'countyRank',
      width: 100,
      align: 'center',
    },
    {
      key: 'name',
      title: t('linkage.village'),
      render: (_: unknown, v) => <Link to={`/units/${v.code}`}>{v.name}</Link>,
    },
    { key: 'town', title: t('linkage.town'), dataIndex: 'town', width: 140 },
    {
      key: 'total',
      title: t('linkage.total'),
      width: 100,
      align: 'right',
      render: (_: unknown, v) => formatScore(v.total),
    },
    {
      key: 'townRank',
      title: t('linkage.townRank'),
      dataIndex: 'townRank',
      width: 100,
      align: 'center',
    },
    {
      key: 'flag',
      title: t('linkage.flag'),
      width: 130,
      render: (_: unknown, v) => <FlagBadge flag={v.flag} vetoed={v.vetoed ?? false} />,
    },
  ];

  const data = linkage.data;
  return (
    <div className="linkage-section">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('linkage.period')}</span>
        <Select
          value={period}
          onChange={setChosen}
          aria-label={t('linkage.period')}
          style={{ minWidth: 180 }}
          options={periods.data.map((p) => ({ value: p, label: periodText(p, i18n.language) }))}
        />
      </Space>
      {linkage.error !== undefined ? (
        <RequestError error={linkage.error} onRetry={linkage.reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Card
            size="small"
            className="section-card"
            title={t('linkage.towns')}
            extra={
              <span className="muted">
                {t('linkageAll.count', {
                  total: data.towns.length,
                  started: data.towns.filter((town) => town.started).length,
                })}
              </span>
            }
          >
            <Table<LinkageTown>
              className="linkage-towns"
              size="small"
              bordered
              rowKey={(town) => town.town.code}
              rowClassName={(town) => (town.started ? '' : 'linkage-idle')}
              loading={linkage.loading}
              columns={townColumns}
              dataSource={data.towns}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('linkage.noTowns') }}
            />
          </Card>
          {data.towns.some((town) => town.meanTotal !== null) ? (
            <Card size="small" className="section-card" title={t('linkage.chartTitle')}>
              <TownsChart towns={data.towns} periodLabel={periodText(data.period, i18n.language)} />
            </Card>
          ) : null}
          <Card size="small" className="section-card" title={t('linkage.villages')}>
            <Table<LinkageVillage>
              className="linkage-villages"
              size="small"
              bordered
              rowKey="code"
              loading={linkage.loading}
              columns={villageColumns}
              dataSource={data.villages}
              pagination={
                data.villages.length > 20 ? { pageSize: 20, showSizeChanger: false } : false
              }
              scroll={{ x: 700 }}
              locale={{ emptyText: t('linkage.noVillages') }}
            />
          </Card>
        </>
      )}
    </div>
  );
}
