import { Alert, Empty, Skeleton, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { presentRoundDetail, rankRound } from '../../../../src/core/rank-round.ts';
import { hasResults } from '../../../../src/core/round-state.ts';
import type { Rubric } from '../../../../src/core/rubric.ts';
import { sheetFromRows } from '../../../../src/core/sheet.ts';
import type { Contest } from '../../api/contests.ts';
import { getEntries, getResults, type Results } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatScore } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

interface Row {
  code: string;
  name: string;
  group: string;
  currentRank: number | null;
  draftRank: number;
  draftTotal: number;
  flag: 'red' | 'yellow' | null;
  vetoed: boolean;
  change: number | null;
}

/**
 * 试算: the latest round that has entries, ranked with the draft rubric in the browser (the same
 * engine as the server), beside the ranks it has now: who would move, before anything is published.
 */
export function DryRun({ contest, rubric }: { contest: Contest; rubric: Rubric | undefined }) {
  const { t, i18n } = useTranslation();
  const round = useMemo(
    () =>
      [...contest.rounds]
        .filter((r) => r.state !== 'draft')
        .sort((a, b) => b.period.localeCompare(a.period))[0],
    [contest.rounds],
  );
  const data = useRequest(round ? `dry-run:${round.id}` : null, async (signal) => {
    const withResults = hasResults(round!.state);
    const [entries, results] = await Promise.all([
      getEntries(round!.id, signal),
      withResults
        ? getResults(round!.id, undefined, signal)
        : Promise.resolve<Results | null>(null),
    ]);
    return { entries, results };
  });

  const rows = useMemo((): Row[] | undefined => {
    if (!rubric || !data.data) return undefined;
    const values = new Map<string, Record<string, number | null>>();
    for (const entry of data.data.entries.items) {
      const unit = values.get(entry.unit) ?? {};
      unit[entry.indicator] = entry.value;
      values.set(entry.unit, unit);
    }
    const sheet = sheetFromRows(
      rubric,
      contest.participants.map((p) => ({
        code: p.code,
        name: p.name,
        group: p.group,
        values: values.get(p.code) ?? {},
      })),
    );
    const current = new Map((data.data.results?.items ?? []).map((r) => [r.code, r.rank]));
    return presentRoundDetail(rankRound(rubric, sheet), { order: 'rank' }).map((r) => {
      const before = current.get(r.code) ?? null;
      return {
        code: r.code,
        name: r.name,
        group: r.group,
        currentRank: before,
        draftRank: r.rank,
        draftTotal: r.total,
        flag: r.flag,
        vetoed: r.vetoed,
        change: before === null ? null : before - r.rank,
      };
    });
  }, [rubric, data.data, contest.participants]);

  if (!round) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rubric.dryRunNoRound')} />;
  }
  if (data.error !== undefined) return <RequestError error={data.error} onRetry={data.reload} />;
  if (!rubric) return <Alert type="info" showIcon title={t('rubric.dryRunFixFirst')} />;
  if (!rows) return <Skeleton active />;

  const grouped = contest.groups.length > 0;
  const moved = rows.filter((r) => r.change !== null && r.change !== 0).length;
  const columns: TableColumnsType<Row> = [
    ...(grouped
      ? [{ key: 'group', title: t('contests.group'), dataIndex: 'group', width: 80 }]
      : []),
    { key: 'name', title: t('common.unit'), dataIndex: 'name' },
    {
      key: 'current',
      title: t('rubric.currentRank'),
      width: 96,
      align: 'right',
      render: (_: unknown, r) => r.currentRank ?? '—',
    },
    {
      key: 'draft',
      title: t('rubric.draftRank'),
      dataIndex: 'draftRank',
      width: 96,
      align: 'right',
    },
    {
      key: 'change',
      title: t('rubric.rankChange'),
      width: 90,
      render: (_: unknown, r) => (r.currentRank === null ? '—' : <RankChange change={r.change} />),
    },
    {
      key: 'total',
      title: t('rubric.draftTotal'),
      width: 100,
      align: 'right',
      render: (_: unknown, r) => formatScore(r.draftTotal, rubric.precision),
    },
    {
      key: 'flag',
      title: t('results.flag'),
      width: 110,
      render: (_: unknown, r) => <FlagBadge flag={r.flag} vetoed={r.vetoed} />,
    },
  ];
  return (
    <div className="dry-run">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('rubric.dryRunOn', { period: periodText(round.period, i18n.language) })}
        description={
          data.data?.results
            ? t('rubric.dryRunMoved', { moved, total: rows.length })
            : t('rubric.dryRunNoResults')
        }
      />
      <Table<Row>
        size="small"
        bordered
        rowKey="code"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560, y: 480 }}
        rowClassName={(r) => (r.change ? 'row-moved' : '')}
      />
    </div>
  );
}
