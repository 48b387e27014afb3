import type { TFunction } from 'i18next';
import type { FlagRules, Indicator, Rubric } from '../../../../src/core/rubric.ts';
import { formatNumber } from '../../lib/format.ts';

/** 人工评分, 目标值法 …, 扣分项, 加分项, 一票否决. */
export function methodName(t: TFunction, indicator: Indicator): string {
  if (indicator.kind === 'scored') return t(`rubric.methods.${indicator.method}`);
  return t(`rubric.kinds.${indicator.kind}`);
}

/** The points column: 20, +5 (bonus cap), −10 (deduction cap), or — . */
export function pointsText(indicator: Indicator): string {
  if (indicator.kind === 'scored') return formatNumber(indicator.points, 6);
  if (indicator.kind === 'veto') return '—';
  if (indicator.cap === undefined) return '—';
  return `${indicator.kind === 'bonus' ? '+' : '−'}${formatNumber(indicator.cap, 6)}`;
}

/** How the indicator is scored, in one sentence a county clerk can check by hand. */
export function methodText(t: TFunction, indicator: Indicator): string {
  const n = (x: number | undefined) => formatNumber(x ?? 0, 6);
  if (indicator.kind === 'veto') return t('rubric.explain.veto');
  if (indicator.kind !== 'scored') {
    const base = t(`rubric.explain.${indicator.kind}`, { per: n(indicator.per) });
    return indicator.cap === undefined
      ? `${base}${t('rubric.explain.noCap')}`
      : `${base}${t(`rubric.explain.${indicator.kind}Cap`, { cap: n(indicator.cap) })}`;
  }
  const points = n(indicator.points);
  const lower = indicator.better === 'lower';
  switch (indicator.method) {
    case 'manual':
      return t('rubric.explain.manual', { points });
    case 'target':
      return t(lower ? 'rubric.explain.targetLower' : 'rubric.explain.target', {
        points,
        target: n(indicator.target),
      });
    case 'relative':
      return t(lower ? 'rubric.explain.relativeLower' : 'rubric.explain.relative', { points });
    case 'range':
      return t(lower ? 'rubric.explain.rangeLower' : 'rubric.explain.range', { points });
    case 'rank':
      return t('rubric.explain.rank', {
        points,
        step: n(indicator.step),
        floor: n(indicator.floor),
      });
    case 'bands': {
      const bands = (indicator.bands ?? [])
        .map(([threshold, score]) =>
          t(lower ? 'rubric.explain.bandLower' : 'rubric.explain.band', {
            threshold: n(threshold),
            score: n(score),
          }),
        )
        .join(t('rubric.explain.listSeparator'));
      return t('rubric.explain.bands', { bands });
    }
    default:
      return '';
  }
}

/** 越高越好 / 越低越好, or — where direction has no meaning. */
export function directionText(t: TFunction, indicator: Indicator): string {
  if (indicator.kind !== 'scored' || indicator.method === 'manual') return '—';
  return t(indicator.better === 'lower' ? 'rubric.lower' : 'rubric.higher');
}

/** The flag rules in words: 红旗：各组前1名…; 黄旗：…. */
export function flagRuleTexts(t: TFunction, flags: FlagRules): { red?: string; yellow?: string } {
  const out: { red?: string; yellow?: string } = {};
  const sep = t('rubric.explain.andSeparator');
  if (flags.red) {
    const parts: string[] = [];
    if (flags.red.top !== undefined) parts.push(t('rubric.flags.top', { n: flags.red.top }));
    if (flags.red.topPercent !== undefined)
      parts.push(t('rubric.flags.topPercent', { p: flags.red.topPercent }));
    if (flags.red.minScore !== undefined)
      parts.push(t('rubric.flags.minScore', { score: flags.red.minScore }));
    out.red = parts.join(sep);
  }
  if (flags.yellow) {
    const parts: string[] = [];
    if (flags.yellow.bottom !== undefined)
      parts.push(t('rubric.flags.bottom', { n: flags.yellow.bottom }));
    if (flags.yellow.bottomPercent !== undefined)
      parts.push(t('rubric.flags.bottomPercent', { p: flags.yellow.bottomPercent }));
    if (flags.yellow.below !== undefined)
      parts.push(t('rubric.flags.below', { score: flags.yellow.below }));
    out.yellow = parts.join(sep);
  }
  return out;
}

/** The sum of the scored indicators' points (满分, bonuses aside). */
export function fullMarks(rubric: Rubric): number {
  return rubric.indicators.reduce((sum, i) => sum + (i.kind === 'scored' ? i.points : 0), 0);
}
