import { Table, type TableColumnsType, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Indicator } from '../../../../src/core/rubric.ts';
import type { UnitResult } from '../../api/rounds.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { formatNumber, formatScore, formatSigned } from '../../lib/format.ts';

/** A round's ranking: rank, total, flag, movement, gaps and every indicator's score and rank. */
export function ResultsTable({
  items,
  indicators,
  precision,
  grouped,
  overall,
  unitLink,
}: {
  items: UnitResult[];
  indicators: Indicator[];
  precision: number;
  grouped: boolean;
  /** Ranked across groups (the overall place, for reference). */
  overall: boolean;
  /** Where a unit's name leads (the public pages: its history). */
  unitLink?: (code: string) => string;
}) {
  const { t } = useTranslation();
  const rankOf = (r: UnitResult) => (overall ? r.overallRank : r.rank);
  const sorted = [...items].sort((a, b) => rankOf(a) - rankOf(b) || a.code.localeCompare(b.code));
  const columns: TableColumnsType<UnitResult> = [
    {
      key: 'rank',
      title: overall ? t('results.overallRank') : t('results.rank'),
      width: 64,
      fixed: 'left',
      align: 'center',
      render: (_: unknown, r) => (
        <span className={`rank-badge rank-${Math.min(rankOf(r), 4)}`}>{rankOf(r)}</span>
      ),
    },
    {
      key: 'name',
      title: t('common.unit'),
      width: 120,
      fixed: 'left',
      render: (_: unknown, r) => (unitLink ? <Link to={unitLink(r.code)}>{r.name}</Link> : r.name),
    },
    ...(grouped
      ? [{ key: 'group', title: t('contests.group'), dataIndex: 'group', width: 72 }]
      : []),
    {
      key: 'total',
      title: t('results.total'),
      width: 84,
      align: 'right',
      render: (_: unknown, r) => <strong>{formatScore(r.total, precision)}</strong>,
    },
    {
      key: 'flag',
      title: t('results.flag'),
      width: 96,
      render: (_: unknown, r) => <FlagBadge flag={r.flag} vetoed={r.vetoed} />,
    },
    {
      key: 'change',
      title: t('results.change'),
      width: 80,
      align: 'center',
      render: (_: unknown, r) => <RankChange change={r.rankChange} />,
    },
    {
      key: 'totalChange',
      title: t('results.totalChange'),
      width: 96,
      align: 'right',
      render: (_: unknown, r) => formatSigned(r.totalChange, precision),
    },
    {
      key: 'gapToNext',
      title: <Tooltip title={t('results.gapToNextHint')}>{t('results.gapToNext')}</Tooltip>,
      width: 100,
      align: 'right',
      render: (_: unknown, r) =>
        r.gapToNext === null ? '—' : formatNumber(r.gapToNext, precision),
    },
    {
      key: 'gapToRed',
      title: <Tooltip title={t('results.gapToRedHint')}>{t('results.gapToRed')}</Tooltip>,
      width: 100,
      align: 'right',
      render: (_: unknown, r) =>
        r.gapToRed === null
          ? '—'
          : r.flag === 'red'
            ? t('results.onRedLine')
            : formatNumber(r.gapToRed, precision),
    },
    ...indicators.map((indicator) => ({
      key: indicator.code,
      title: (
        <Tooltip title={indicator.name}>
          <span className="result-indicator-head">
            {indicator.code}
            <small>{indicator.name}</small>
          </span>
        </Tooltip>
      ),
      width: 112,
      align: 'right' as const,
      render: (_: unknown, r: UnitResult) => {
        const cell = r.indicators[indicator.code];
        if (!cell) return '—';
        if (indicator.kind === 'veto') return cell.value === 1 ? t('results.vetoed') : '—';
        const missing = r.missing.includes(indicator.code);
        // A missing value scores 0 (DESIGN §3); say so in words, not with a grey 0.00 alone.
        if (missing)
          return (
            <span
              className="result-missing"
              title={`${t('results.missing')}：${formatScore(cell.score, precision)}`}
            >
              {t('results.missing')}
            </span>
          );
        return (
          <span
            className={missing ? 'result-missing' : undefined}
            title={missing ? t('results.missing') : undefined}
          >
            {formatScore(cell.score, precision)}
            {cell.rank !== null ? (
              <span className="single-rank">{t('results.singleRank', { rank: cell.rank })}</span>
            ) : null}
          </span>
        );
      },
    })),
  ];
  return (
    <Table<UnitResult>
      className="results-table"
      size="small"
      bordered
      rowKey="code"
      columns={columns}
      dataSource={sorted}
      pagination={sorted.length > 100 ? { pageSize: 100 } : false}
      scroll={{ x: 760 + indicators.length * 112 }}
      rowClassName={(r) => (r.flag === 'red' ? 'row-red' : r.flag === 'yellow' ? 'row-yellow' : '')}
      locale={{ emptyText: t('results.empty') }}
    />
  );
}
