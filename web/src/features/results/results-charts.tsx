import { Card, Col, Empty, Row, Select, Skeleton } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../../../src/core/rubric.ts';
import type { Contest } from '../../api/contests.ts';
import { getResults, type UnitResult } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { RequestError } from '../../components/request-error.tsx';
import { periodText } from '../../lib/period.ts';

const RED = '#cf1322';
const YELLOW = '#d4a106';
const BLUE = '#1d5bbf';

/** 各单位单项得分: one indicator's scores by unit, best first, flagged units coloured. */
export function IndicatorChart({ rubric, items }: { rubric: Rubric; items: UnitResult[] }) {
  const { t } = useTranslation();
  const scored = rubric.indicators.filter((i) => i.kind !== 'veto');
  const [code, setCode] = useState(scored[0]?.code ?? '');
  const indicator = scored.find((i) => i.code === code);
  const option = useMemo(() => {
    const rows = items
      .map((item) => ({
        name: item.name,
        score: item.indicators[code]?.score ?? 0,
        flag: item.flag,
      }))
      .sort((a, b) => b.score - a.score);
    const average = rows.length ? rows.reduce((s, r) => s + r.score, 0) / rows.length : 0;
    return {
      grid: { left: 48, right: 72, top: 36, bottom: 72 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', name: t('results.score') },
      series: [
        {
          type: 'bar',
          name: indicator ? `${indicator.code} ${indicator.name}` : code,
          data: rows.map((r) => ({
            value: r.score,
            itemStyle: { color: r.flag === 'red' ? RED : r.flag === 'yellow' ? YELLOW : BLUE },
          })),
          barMaxWidth: 28,
          markLine: {
            symbol: 'none',
            data: [{ yAxis: Number(average.toFixed(2)), name: t('results.average') }],
            label: { formatter: t('results.averageLabel', { value: average.toFixed(2) }) },
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
          },
        },
      ],
    };
  }, [items, code, indicator, t]);
  if (!scored.length) return null;
  return (
    <Card
      size="small"
      title={t('results.indicatorChart')}
      extra={
        <Select
          size="small"
          value={code}
          onChange={setCode}
          aria-label={t('results.chooseIndicator')}
          style={{ minWidth: 220 }}
          options={scored.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
        />
      }
    >
      <Suspense fallback={<Skeleton active />}>
        <LazyChart
          option={option}
          height={340}
          ariaLabel={t('results.indicatorChartLabel', { indicator: indicator?.name ?? code })}
        />
      </Suspense>
    </Card>
  );
}

/** 名次走势: a unit's rank over the contest's rounds with results, up to this one (1 on top). */
export function RankHistoryChart({
  contest,
  upTo,
  units,
  initialUnit,
}: {
  contest: Contest;
  upTo: string;
  units: { code: string; name: string }[];
  initialUnit: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState(initialUnit ?? units[0]?.code);
  const rounds = useMemo(
    () =>
      contest.rounds
        .filter((r) => ['reviewing', 'notice', 'published'].includes(r.state) && r.period <= upTo)
        .sort((a, b) => a.period.localeCompare(b.period))
        .slice(-12),
    [contest.rounds, upTo],
  );
  const history = useRequest(
    `history:${contest.id}:${rounds.map((r) => r.id).join(',')}`,
    (signal) =>
      Promise.all(rounds.map((r) => getResults(r.id, undefined, signal).catch(() => null))),
  );
  const option = useMemo(() => {
    const points = rounds.map((r, i) => {
      const row = history.data?.[i]?.items.find((item) => item.code === unit);
      return {
        period: periodText(r.period, i18n.language),
        rank: row?.rank ?? null,
        flag: row?.flag ?? null,
      };
    });
    const size = Math.max(contest.participants.length, 1);
    return {
      grid: { left: 48, right: 24, top: 36, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
      yAxis: {
        type: 'value',
        inverse: true,
        min: 1,
        max: size,
        minInterval: 1,
      },
      series: [
        {
          type: 'line',
          name: t('results.rank'),
          data: points.map((p) => ({
            value: p.rank,
            itemStyle: { color: p.flag === 'red' ? RED : p.flag === 'yellow' ? YELLOW : BLUE },
          })),
          symbolSize: 10,
          connectNulls: true,
          lineStyle: { color: BLUE, width: 2 },
          label: { show: true, position: 'top', formatter: '{c}' },
        },
      ],
    };
  }, [rounds, history.data, unit, contest.participants.length, i18n.language, t]);
  const name = units.find((u) => u.code === unit)?.name ?? '';
  return (
    <Card
      size="small"
      title={t('results.rankHistory')}
      extra={
        <Select
          size="small"
          showSearch={{ optionFilterProp: 'label' }}
          value={unit}
          onChange={setUnit}
          aria-label={t('results.chooseUnit')}
          style={{ minWidth: 160 }}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
      }
    >
      {history.error !== undefined ? (
        <RequestError error={history.error} onRetry={history.reload} />
      ) : !history.data ? (
        <Skeleton active />
      ) : rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <LazyChart
            option={option}
            height={340}
            ariaLabel={t('results.rankHistoryLabel', { unit: name })}
          />
          {rounds.length === 1 ? <p className="muted small">{t('results.onlyOneRound')}</p> : null}
        </Suspense>
      )}
    </Card>
  );
}

export function ResultsCharts(props: {
  rubric: Rubric;
  items: UnitResult[];
  contest: Contest;
  upTo: string;
  initialUnit: string | undefined;
}) {
  return (
    <Row gutter={[16, 16]} className="section-row">
      <Col xs={24} xl={14}>
        <IndicatorChart rubric={props.rubric} items={props.items} />
      </Col>
      <Col xs={24} xl={10}>
        <RankHistoryChart
          contest={props.contest}
          upTo={props.upTo}
          units={props.items.map((i) => ({ code: i.code, name: i.name }))}
          initialUnit={props.initialUnit}
        />
      </Col>
    </Row>
  );
}
