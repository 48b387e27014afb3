import {
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
} from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type BoardRow, getLeaderboard, type Leaderboard } from '../../api/points.ts';
import { listUnits } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { periodOf, periodText } from '../../lib/period.ts';
import {
  type BranchChoice,
  ClassTag,
  PeriodPicker,
  PointsNav,
  signed,
  usePointsBranch,
} from './points-common.tsx';

type Level = 'branch' | 'town' | 'county';
interface Scope {
  code: string;
  name: string;
  level: Level;
}

const TOWN_KINDS = ['town', 'township', 'street'];

/**
 * The scopes the user may read: each branch they see; their town or county, and a county's towns,
 * when the session's `may.pointsBoards` says they read the boards below their unit (policies/points.ts).
 */
function useScopes(choice: BranchChoice): { scopes: Scope[]; loading: boolean } {
  const { session } = useSession();
  const reader = session?.may.pointsBoards === true;
  const unit = session?.unit;
  const county = reader && unit?.kind === 'county' ? unit : undefined;
  const towns = useRequest(county ? `units:towns:${county.code}` : null, (signal) =>
    listUnits({ parent: county?.code ?? '', limit: 500 }, signal),
  );
  const scopes: Scope[] = [];
  if (county) scopes.push({ code: county.code, name: county.name, level: 'county' });
  if (reader && unit && TOWN_KINDS.includes(unit.kind))
    scopes.push({ code: unit.code, name: unit.name, level: 'town' });
  for (const u of towns.data?.items ?? [])
    if (TOWN_KINDS.includes(u.kind)) scopes.push({ code: u.code, name: u.name, level: 'town' });
  for (const b of choice.branches)
    scopes.push({ code: b.unitCode, name: b.unitName, level: 'branch' });
  return { scopes, loading: choice.loading || towns.loading };
}

/** 积分排行: a branch's, a town's or the county's members over a month, quarter or year. */
export default function LeaderboardPage() {
  const { t, i18n } = useTranslation();
  const choice = usePointsBranch();
  const [params, setParams] = useSearchParams();
  const { scopes, loading } = useScopes(choice);
  const period = params.get('period') ?? periodOf('quarter');
  const wanted = params.get('scope');
  // Default: the chosen branch, else the widest scope the user reads.
  const scope =
    scopes.find((s) => s.code === wanted) ??
    scopes.find((s) => s.level === 'branch' && s.code === choice.branch?.unitCode) ??
    scopes[0];
  const board = useRequest(scope ? `points:board:${scope.code}:${period}` : null, (signal) =>
    getLeaderboard(scope?.code ?? '', period, signal),
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next);
  };
  const levels = (['branch', 'town', 'county'] as const).filter((l) =>
    scopes.some((s) => s.level === l),
  );
  const ofLevel = scopes.filter((s) => s.level === scope?.level);
  return (
    <>
      <PageHeader title={t('points.board.title')} subtitle={t('points.board.subtitle')} />
      <PointsNav choice={choice} current="leaderboard" />
      <div className="points-toolbar">
        <div className="points-scope">
          {levels.length > 1 ? (
            <Segmented
              aria-label={t('points.board.level')}
              value={scope?.level}
              onChange={(l) => {
                const first = scopes.find((s) => s.level === l);
                if (first) set('scope', first.code);
              }}
              options={levels.map((l) => ({ value: l, label: t(`points.board.levels.${l}`) }))}
            />
          ) : null}
          {ofLevel.length > 1 ? (
            <Select
              aria-label={t('points.board.scope')}
              value={scope?.code}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(code: string) => set('scope', code)}
              options={ofLevel.map((s) => ({ value: s.code, label: s.name }))}
              className="points-scope-select"
            />
          ) : null}
        </div>
        <PeriodPicker period={period} onChange={(p) => set('period', p)} />
      </div>
      {!scope ? (
        loading ? (
          <Skeleton active />
        ) : (
          <Empty description={t('points.board.noScope')} />
        )
      ) : board.error ? (
        <RequestError error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <Skeleton active />
      ) : (
        <Board
          board={board.data}
          level={scope.level}
          title={t('points.board.of', {
            scope: scope.name,
            period: periodText(period, i18n.language),
          })}
        />
      )}
    </>
  );
}

function Board({ board, level, title }: { board: Leaderboard; level: Level; title: string }) {
  const { t } = useTranslation();
  const quarter = /-Q\d$/.test(board.period);
  const rows = board.rows;
  const top = rows.slice(0, 15);
  const topOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((r) => (level === 'branch' ? r.name : `${r.name}（${r.branchName}）`)),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      color: ['#a8071a', '#8c8c8c'],
      series: [
        {
          name: t('points.awarded'),
          type: 'bar',
          stack: 'points',
          data: top.map((r) => r.awarded),
        },
        {
          name: t('points.deducted'),
          type: 'bar',
          stack: 'points',
          data: top.map((r) => r.deducted),
        },
      ],
    }),
    [top, level, t],
  );
  // Above a branch: each branch's mean total (the village's 党员积分平均分).
  const branches = useMemo(() => {
    const by = new Map<string, { sum: number; n: number }>();
    for (const r of rows) {
      const b = by.get(r.branchName) ?? { sum: 0, n: 0 };
      b.sum += r.total;
      b.n += 1;
      by.set(r.branchName, b);
    }
    return [...by]
      .map(([name, b]) => ({ name, mean: Math.round((b.sum / b.n) * 10) / 10 }))
      .sort((a, b) => b.mean - a.mean);
  }, [rows]);
  const branchOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: branches.map((b) => b.name) },
      color: ['#d4380d'],
      series: [{ name: t('points.board.mean'), type: 'bar', data: branches.map((b) => b.mean) }],
    }),
    [branches, t],
  );
  const classCounts = useMemo(() => {
    const counts = { vanguard: 0, qualified: 0, improve: 0 };
    for (const r of rows) if (r.pointsClass) counts[r.pointsClass] += 1;
    return counts;
  }, [rows]);
  const classOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      color: ['#a8071a', '#1677ff', '#fa8c16'],
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          top: 0,
          bottom: 28,
          label: { formatter: '{b} {c}' },
          data: (['vanguard', 'qualified', 'improve'] as const).map((c) => ({
            name: t(`points.classes.${c}`),
            value: classCounts[c],
          })),
        },
      ],
    }),
    [classCounts, t],
  );
  const columns: TableColumnsType<BoardRow> = [
    { title: t('points.board.rank'), dataIndex: 'rank', width: 56, align: 'right' },
    {
      title: t('points.members.name'),
      dataIndex: 'name',
      render: (_: unknown, r) => (
        <Link to={`/points/members/${r.memberId}?branch=${r.branchId}`}>{r.name}</Link>
      ),
    },
    ...(level === 'branch'
      ? []
      : [{ title: t('points.branch'), dataIndex: 'branchName', responsive: ['sm' as const] }]),
    {
      title: t('points.board.total'),
      dataIndex: 'total',
      width: 70,
      align: 'right',
      render: (v: number) => <strong>{v}</strong>,
    },
    {
      title: t('points.awarded'),
      dataIndex: 'awarded',
      width: 70,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('points.deducted'),
      dataIndex: 'deducted',
      width: 70,
      align: 'right',
      responsive: ['md'],
      render: (v: number) => (v === 0 ? '0' : signed(v)),
    },
    ...(quarter
      ? [
          {
            title: t('points.board.class'),
            width: 80,
            render: (_: unknown, r: BoardRow) => <ClassTag value={r.pointsClass} />,
          },
        ]
      : []),
  ];
  if (rows.length === 0)
    return (
      <Card size="small" title={title}>
        <Empty description={t('points.board.empty')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={title} className="section-card points-board">
          <Table<BoardRow>
            size="small"
            rowKey="memberId"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          />
          {quarter ? <p className="points-hint">{t('points.board.classHint')}</p> : null}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('points.board.top')} className="section-card">
          <Suspense fallback={<Skeleton active />}>
            <LazyChart
              option={topOption}
              height={Math.max(200, top.length * 24 + 48)}
              ariaLabel={t('points.board.top')}
            />
          </Suspense>
        </Card>
        {quarter ? (
          <Card size="small" title={t('points.board.classes')} className="section-card">
            <Suspense fallback={<Skeleton active />}>
              <LazyChart option={classOption} height={240} ariaLabel={t('points.board.classes')} />
            </Suspense>
          </Card>
        ) : null}
        {level !== 'branch' && branches.length > 1 ? (
          <Card size="small" title={t('points.board.branches')} className="section-card">
            <Suspense fallback={<Skeleton active />}>
              <LazyChart
                option={branchOption}
                height={Math.max(160, branches.length * 24 + 32)}
                ariaLabel={t('points.board.branches')}
              />
            </Suspense>
          </Card>
        ) : null}
      </Col>
    </Row>
  );
}
