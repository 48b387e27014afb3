import { useTranslation } from 'react-i18next';

/**
 * Movement against the previous round: ↑2 (moved up two places), ↓1, — (unchanged), or 新
 * when the unit had no place before. Up reads red and down green, as on Chinese boards.
 * Screen readers hear the words (上升 2 名), not the arrows.
 */
export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return <span className="rank-change rank-new">{t('results.new')}</span>;
  const words =
    change === 0
      ? t('results.same')
      : t(change > 0 ? 'results.up' : 'results.down', { n: Math.abs(change) });
  const shown = change === 0 ? '—' : `${change > 0 ? '↑' : '↓'}${Math.abs(change)}`;
  const tone = change === 0 ? 'rank-same' : change > 0 ? 'rank-up' : 'rank-down';
  return (
    <span className={`rank-change ${tone}`} title={words}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
