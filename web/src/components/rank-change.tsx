import { useTranslation } from 'react-i18next';

/**
 * Movement against the previous round: ↑2 (moved up two places), ↓1, — (unchanged), or 新
 * when the unit had no place before. Up reads red and down green, as on Chinese boards.
 */
export function RankChange({ change, isNew }: { change: number | null; isNew?: boolean }) {
  const { t } = useTranslation();
  if (change === null) {
    return <span className="rank-change rank-new">{isNew === false ? '—' : t('results.new')}</span>;
  }
  if (change === 0) {
    return (
      <span className="rank-change rank-same" aria-label={t('results.same')}>
        —
      </span>
    );
  }
  const up = change > 0;
  return (
    <span
      className={`rank-change ${up ? 'rank-up' : 'rank-down'}`}
      aria-label={t(up ? 'results.up' : 'results.down', { n: Math.abs(change) })}
      title={t(up ? 'results.up' : 'results.down', { n: Math.abs(change) })}
    >
      {up ? '↑' : '↓'}
      {Math.abs(change)}
    </span>
  );
}
