import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Indicator } from '../../../../src/core/rubric.ts';
import type { UnitResult } from '../../api/rounds.ts';
import { CardList } from '../../components/card-list.tsx';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { useNarrow } from '../../hooks/use-narrow.ts';
import { formatNumber, formatScore, formatSigned } from '../../lib/format.ts';

interface Column {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'center' | 'right';
  /** Stays in view while the rest scrolls sideways (rank and name). */
  sticky?: number;
  render: (r: UnitResult) => ReactNode;
  /** The label on a phone's card, when the header's would not fit there. */
  cardTitle?: ReactNode;
}

/**
 * A round's ranking: rank, total, flag, movement, gaps and every indicator's score and rank.
 * A plain HTML table (the public ranking's first load stays within its budget without antd's
 * Table), scrolling sideways inside its card with rank and name fixed; cards on a phone.
 */
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
  const narrow = useNarrow();
  const rankOf = (r: UnitResult) => (overall ? r.overallRank : r.rank);
  const sorted = [...items].sort((a, b) => rankOf(a) - rankOf(b) || a.code.localeCompare(b.code));
  const columns: Column[] = [
    {
      key: 'rank',
      title: overall ? t('results.overallRank') : t('results.rank'),
      width: 64,
      sticky: 0,
      align: 'center',
      render: (r) => (
        <span className={`rank-badge rank-${Math.min(rankOf(r), 4)}`}>{rankOf(r)}</span>
      ),
    },
    {
      key: 'name',
      title: t('common.unit'),
      width: 120,
      sticky: 64,
      render: (r) => (unitLink ? <Link to={unitLink(r.code)}>{r.name}</Link> : r.name),
    },
    ...(grouped
      ? [
          {
            key: 'group',
            title: t('contests.group'),
            width: 72,
            render: (r: UnitResult) => r.group,
          },
        ]
      : []),
    {
      key: 'total',
      title: t('results.total'),
      width: 84,
      align: 'right',
      render: (r) => <strong>{formatScore(r.total, precision)}</strong>,
    },
    {
      key: 'flag',
      title: t('results.flag'),
      width: 96,
      render: (r) => <FlagBadge flag={r.flag} vetoed={r.vetoed} />,
    },
    {
      key: 'change',
      title: t('results.change'),
      width: 80,
      align: 'center',
      render: (r) => <RankChange change={r.rankChange} />,
    },
    {
      key: 'totalChange',
      title: t('results.totalChange'),
      width: 96,
      align: 'right',
      render: (r) => formatSigned(r.totalChange, precision),
    },
    {
      key: 'gapToNext',
      title: <Tooltip title={t('results.gapToNextHint')}>{t('results.gapToNext')}</Tooltip>,
      width: 100,
      align: 'right',
      render: (r) => (r.gapToNext === null ? '—' : formatNumber(r.gapToNext, precision)),
    },
    {
      key: 'gapToRed',
      title: <Tooltip title={t('results.gapToRedHint')}>{t('results.gapToRed')}</Tooltip>,
      width: 100,
      align: 'right',
      render: (r) =>
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
      cardTitle: (
        <span className="result-indicator-label">
          {indicator.code} {indicator.name}
        </span>
      ),
      width: 112,
      align: 'right' as const,
      render: (r: UnitResult) => {
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
  const rowClass = (r: UnitResult) =>
    r.flag === 'red' ? 'row-red' : r.flag === 'yellow' ? 'row-yellow' : '';
  if (narrow) {
    const byKey = new Map(columns.map((c) => [c.key, c]));
    const shown = columns.filter((c) => c.key !== 'rank' && c.key !== 'name');
    return (
      <CardList<UnitResult>
        className="results-table results-cards"
        items={sorted}
        rowKey={(r) => r.code}
        lead={(r) => byKey.get('rank')!.render(r)}
        title={(r) => byKey.get('name')!.render(r)}
        itemClassName={rowClass}
        fields={(r) =>
          shown.map((c) => ({
            key: c.key,
            label: c.cardTitle ?? c.title,
            value: c.render(r),
            wide: c.cardTitle !== undefined,
          }))
        }
        empty={t('results.empty')}
      />
    );
  }
  const width = columns.reduce((n, c) => n + c.width, 0);
  return (
    <div className="results-table plain-table-scroll">
      <table className="plain-table" style={{ minWidth: width }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={[
                  c.align ? `align-${c.align}` : '',
                  c.sticky !== undefined ? 'sticky' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                style={c.sticky !== undefined ? { left: c.sticky } : undefined}
              >
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="plain-table-empty muted">
                {t('results.empty')}
              </td>
            </tr>
          ) : (
            sorted.map((r) => (
              <tr key={r.code} className={['results-row', rowClass(r)].filter(Boolean).join(' ')}>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={[
                      c.align ? `align-${c.align}` : '',
                      c.sticky !== undefined ? 'sticky' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    style={c.sticky !== undefined ? { left: c.sticky } : undefined}
                  >
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
