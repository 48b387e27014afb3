import { Card, Col, Empty, Row, Select, Skeleton, Table, type TableColumnsType } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { getPublicLeaderboard, type PublicBoardRow } from '../../api/points.ts';
import { publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { periodOf, periodText } from '../../lib/period.ts';
import { ClassTag, PeriodPicker } from './points-common.tsx';

/**
 * 党员积分公示 on the public site: masked names (张*明), totals and classes only — no deductions,
 * no evidence, no details (DESIGN §10). Scopes are the towns and the county that run public
 * contests (divisions hold party branches; departments do not).
 */
export default function PublicLeaderboardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const contests = useRequest('public:contests', (signal) => publicApi.contests(signal));
  const scopes = useMemo(() => {
    const by = new Map<string, string>();
    for (const c of contests.data?.items ?? [])
      if (/^\d+$/.test(c.organizer.code)) by.set(c.organizer.code, c.organizer.name);
    return [...by]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  }, [contests.data]);
  const scope = params.get('scope') ?? scopes[0]?.code;
  const period = params.get('period') ?? periodOf('quarter');
  const board = useRequest(scope ? `public:points:${scope}:${period}` : null, (signal) =>
    getPublicLeaderboard(scope ?? '', period, signal),
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  // Masked names repeat (王*明 twice in a branch), so rows are keyed by position.
  const rows = useMemo(
    () => (board.data?.rows ?? []).map((r, i) => ({ ...r, key: i })),
    [board.data],
  );
  const quarter = /-Q\d$/.test(period);
  const top = rows.slice(0, 15);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((r) => `${r.name}（${r.branch}）`),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      color: ['#a8071a'],
      series: [{ name: t('points.board.total'), type: 'bar', data: top.map((r) => r.total) }],
    }),
    [top, t],
  );
  type Row = PublicBoardRow & { key: number };
  const columns: TableColumnsType<Row> = [
    { title: t('points.board.rank'), dataIndex: 'rank', width: 56, align: 'right' },
    { title: t('points.members.name'), dataIndex: 'name' },
    { title: t('points.branch'), dataIndex: 'branch' },
    {
      title: t('points.board.total'),
      dataIndex: 'total',
      width: 70,
      align: 'right',
      render: (v: number) => <strong>{v}</strong>,
    },
    ...(quarter
      ? [
          {
            title: t('points.board.class'),
            width: 80,
            render: (_: unknown, r: Row) => <ClassTag value={r.pointsClass} />,
          },
        ]
      : []),
  ];
  const scopeName = board.data?.scope.name ?? scopes.find((s) => s.code === scope)?.name ?? '';
  return (
    <>
      <PageHeader title={t('points.public.title')} subtitle={t('points.public.subtitle')} />
      <div className="points-toolbar">
        {scopes.length > 1 ? (
          <Select
            aria-label={t('points.board.scope')}
            value={scope}
            onChange={(code: string) => set('scope', code)}
            options={scopes.map((s) => ({ value: s.code, label: s.name }))}
            className="points-scope-select"
          />
        ) : null}
        <PeriodPicker period={period} onChange={(p) => set('period', p)} />
      </div>
      {contests.error ? (
        <RequestError error={contests.error} onRetry={contests.reload} />
      ) : board.error ? (
        <RequestError error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        contests.data && !scope ? (
          <Empty description={t('points.board.empty')} />
        ) : (
          <Skeleton active />
        )
      ) : rows.length === 0 ? (
        <Empty description={t('points.board.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              className="section-card points-board"
              title={t('points.board.of', {
                scope: scopeName,
                period: periodText(period, i18n.language),
              })}
            >
              <Table<Row>
                size="small"
                rowKey="key"
                columns={columns}
                dataSource={rows}
                pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              />
              <p className="points-hint">{t('points.public.note')}</p>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('points.board.top')} className="section-card">
              <Suspense fallback={<Skeleton active />}>
                <LazyChart
                  option={option}
                  height={Math.max(200, top.length * 24 + 24)}
                  ariaLabel={t('points.board.top')}
                />
              </Suspense>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
