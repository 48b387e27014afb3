// The scheme of an assessment in words (DESIGN §2): conversions, aggregation, flags, grades.
import type { TFunction } from 'i18next';
import type { Aggregate, AssessmentScheme, Conversion } from '../../api/assessments.ts';
import { formatNumber, formatSigned } from '../../lib/format.ts';

export function conversionText(conversion: Conversion, t: TFunction): string {
  switch (conversion.method) {
    case 'rank-linear':
      return t('assessments.conversions.rankLinear', {
        first: formatNumber(conversion.first, 0),
        last: formatNumber(conversion.last, 0),
      });
    case 'relative-to-best':
      return t('assessments.conversions.relativeToBest', {
        points: formatNumber(conversion.points, 0),
      });
    default:
      return t('assessments.conversions.total');
  }
}

export function aggregateText(aggregate: Aggregate, t: TFunction, long = false): string {
  return t(`assessments.${long ? 'aggregateLong' : 'aggregates'}.${aggregate}`);
}

/** A weight as a percentage: 0.02 → 2%. */
export function weightText(weight: number): string {
  return `${formatNumber(weight * 100, 2)}%`;
}

export function flagsText(scheme: AssessmentScheme, t: TFunction): string {
  return t('assessments.schemeFlags', {
    red: formatSigned(scheme.flagPoints.red),
    yellow: formatSigned(scheme.flagPoints.yellow),
  });
}

export function gradesText(scheme: AssessmentScheme, t: TFunction, language: string): string {
  const sep = language.startsWith('zh') ? '，' : ', ';
  const rules = [
    ...scheme.grades.top.map((g, i) =>
      t(i === 0 ? 'assessments.gradeFirst' : 'assessments.gradeNext', {
        percent: g.percent,
        name: g.name,
      }),
    ),
    ...scheme.grades.bottom.map((g) =>
      t('assessments.gradeBottom', { percent: g.percent, name: g.name }),
    ),
  ].join(sep);
  return t('assessments.schemeGrades', { rules, otherwise: scheme.grades.otherwise });
}

/** The tag colour of a grade: by its place in the scheme (优秀 green, 良好 blue, 较差 red). */
export function gradeColor(scheme: AssessmentScheme, grade: string): string {
  const top = scheme.grades.top.findIndex((g) => g.name === grade);
  if (top === 0) return 'success';
  if (top > 0) return 'processing';
  if (scheme.grades.bottom.some((g) => g.name === grade)) return 'error';
  return 'default';
}
