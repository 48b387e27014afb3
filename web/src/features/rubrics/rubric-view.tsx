import { FlagFilled } from '@ant-design/icons';
import { Descriptions, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, Rubric } from '../../../../src/core/rubric.ts';
import type { UnitPathItem } from '../../api/units.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  directionText,
  flagRuleTexts,
  fullMarks,
  methodName,
  methodText,
  pointsText,
} from './rubric-text.ts';

interface Props {
  rubric: Rubric;
  /** Lead office per indicator; indicators without one are led by `organizer`. */
  evaluators?: Record<string, UnitPathItem>;
  organizer?: UnitPathItem;
}

/** A rubric (评分标准) as a reader wants it: the indicator table, then the flag rules in words. */
export function RubricView({ rubric, evaluators, organizer }: Props) {
  const { t } = useTranslation();
  const flags = flagRuleTexts(t, rubric.flags);
  const showLead = evaluators !== undefined;
  const columns: TableColumnsType<Indicator> = [
    { key: 'code', title: t('rubric.code'), dataIndex: 'code', width: 72, fixed: 'left' },
    { key: 'name', title: t('rubric.name'), dataIndex: 'name', width: 200 },
    {
      key: 'points',
      title: t('rubric.points'),
      width: 72,
      align: 'right',
      render: (_: unknown, indicator) => pointsText(indicator),
    },
    {
      key: 'method',
      title: t('rubric.method'),
      width: 104,
      render: (_: unknown, indicator) => (
        <Tag
          variant="outlined"
          color={indicator.kind === 'scored' ? 'blue' : indicator.kind === 'veto' ? 'red' : 'gold'}
        >
          {methodName(t, indicator)}
        </Tag>
      ),
    },
    {
      key: 'direction',
      title: t('rubric.direction'),
      width: 92,
      render: (_: unknown, indicator) => directionText(t, indicator),
    },
    {
      key: 'rule',
      title: t('rubric.rule'),
      width: 300,
      render: (_: unknown, indicator) => (
        <>
          {methodText(t, indicator)}
          {indicator.description ? (
            <div className="rubric-description">{indicator.description}</div>
          ) : null}
        </>
      ),
    },
    ...(showLead
      ? [
          {
            key: 'lead',
            title: t('rubric.lead'),
            width: 150,
            render: (_: unknown, indicator: Indicator) =>
              evaluators?.[indicator.code]?.name ?? organizer?.name ?? '—',
          },
        ]
      : []),
  ];

  return (
    <div className="rubric-view">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, xxl: 4 }}
        items={[
          {
            key: 'title',
            label: t('rubric.title'),
            children: rubric.title,
            span: { xs: 1, sm: 2, xxl: 4 },
          },
          {
            key: 'full',
            label: t('rubric.fullMarks'),
            children: t('rubric.pointsValue', { points: formatNumber(fullMarks(rubric), 6) }),
          },
          { key: 'count', label: t('rubric.indicatorCount'), children: rubric.indicators.length },
          {
            key: 'precision',
            label: t('rubric.precision'),
            children: t('rubric.precisionValue', { n: rubric.precision }),
          },
          {
            key: 'ranking',
            label: t('rubric.ranking'),
            children: t(`rubric.rankings.${rubric.ranking}`),
          },
          ...(rubric.tieBreak.length
            ? [
                {
                  key: 'tieBreak',
                  label: t('rubric.tieBreak'),
                  children: rubric.tieBreak.join(' › '),
                  span: { xs: 1, sm: 2, xxl: 4 },
                },
              ]
            : []),
        ]}
      />
      <Table<Indicator>
        className="rubric-table"
        size="small"
        bordered
        rowKey="code"
        columns={columns}
        dataSource={rubric.indicators}
        pagination={false}
        scroll={{ x: showLead ? 1090 : 940 }}
      />
      <div className="rubric-flags">
        <div>
          <FlagFilled style={{ color: '#cf1322' }} /> <strong>{t('rubric.redRule')}</strong>
          {flags.red ?? t('rubric.noRule')}
        </div>
        <div>
          <FlagFilled style={{ color: '#d4a106' }} /> <strong>{t('rubric.yellowRule')}</strong>
          {flags.yellow ? `${flags.yellow}${t('rubric.vetoYellow')}` : t('rubric.vetoOnlyYellow')}
        </div>
      </div>
    </div>
  );
}
