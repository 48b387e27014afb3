import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  message,
  Result,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  type AssessedUnit,
  type AssessmentComponent,
  type AssessmentScheme,
  type ComponentExplanation,
  downloadAssessmentResults,
  getAssessmentResults,
  publishAssessment,
} from '../../api/assessments.ts';
import { isNotFound } from '../../api/error-message.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { formatNumber, formatScore, formatSigned } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import {
  aggregateText,
  conversionText,
  flagsText,
  gradeColor,
  gradesText,
  weightText,
} from './assessment-text.ts';
import { Adjustments, ExplanationLines, RatingForms } from './assessment-year-end.tsx';

const FLAG_COLOR = '#cf1322';

/** 各单位得分构成: each unit's contributions by component, stacked, plus its flag points. */
function CompositionChart({ scheme, items }: { scheme: AssessmentScheme; items: AssessedUnit[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const byUnit = items.map(
      (item) => new Map(item.components.map((c) => [c.contestId, c.contribution])),
    );
    return {
      grid: { left: 96, right: 32, top: 72, bottom: 32 },
      legend: { type: 'scroll', top: 0, left: 0, right: 0 },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => formatNumber(v) },
      xAxis: { type: 'value', name: t('assessments.total') },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((item) => `${item.rank}. ${item.name}`),
        axisLabel: { interval: 0 },
      },
      series: [
        ...scheme.components.map((component) => ({
          type: 'bar',
          name: component.title,
          stack: 'total',
          barMaxWidth: 22,
          data: byUnit.map((contributions) => contributions.get(component.contestId) ?? 0),
        })),
        ...(scheme.ratings ?? []).map((rating) => ({
          type: 'bar',
          name: rating.name,
          stack: 'total',
          barMaxWidth: 22,
          data: items.map(
            (item) => item.ratings.find((r) => r.code === rating.code)?.contribution ?? 0,
          ),
        })),
        {
          type: 'bar',
          name: t('assessmentYear.adjustments'),
          stack: 'total',
          barMaxWidth: 22,
          data: items.map((item) => item.adjustmentPoints),
        },
        {
          type: 'bar',
          name: t('assessments.flagPoints'),
          stack: 'total',
          barMaxWidth: 22,
          itemStyle: { color: FLAG_COLOR },
          data: items.map((item) => item.flagPoints),
        },
      ],
    };
  }, [scheme, items, t]);
  return (
    <Card size="small" className="section-card" title={t('assessments.chartTitle')}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <LazyChart
          option={option}
          height={Math.max(320, items.length * 30 + 110)}
          ariaLabel={t('assessments.chartLabel')}
        />
      </Suspense>
    </Card>
  );
}

/** Why a unit stands where it does: each component's rounds → points × weight, and its flags. */
function Explanation({ unit, scheme }: { unit: AssessedUnit; scheme: AssessmentScheme }) {
  const { t, i18n } = useTranslation();
  const aggregates = new Map(scheme.components.map((c) => [c.contestId, c.aggregate]));
  const columns: TableColumnsType<ComponentExplanation> = [
    {
      key: 'title',
      title: t('assessments.component'),
      width: 240,
      render: (_: unknown, c) => <Link to={`/contests/${c.contestId}`}>{c.title}</Link>,
    },
    {
      key: 'weight',
      title: t('assessments.weight'),
      width: 80,
      render: (_: unknown, c) => weightText(c.weight),
    },
    {
      key: 'rounds',
      title: t('assessments.rounds'),
      render: (_: unknown, c) =>
        c.rounds.length ? (
          <ul className="assessment-rounds">
            {c.rounds.map((r) => (
              <li key={r.period}>
                {t('assessments.roundLine', {
                  period: periodText(r.period, i18n.language),
                  rank: r.rank,
                  total: formatNumber(r.total),
                  points: formatNumber(r.points),
                })}{' '}
                <FlagBadge flag={r.flag} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('assessments.noRounds')}</span>
        ),
    },
    {
      key: 'points',
      title: t('assessments.points'),
      width: 230,
      render: (_: unknown, c) =>
        t('assessments.formula', {
          aggregate: aggregateText(aggregates.get(c.contestId) ?? 'mean', t),
          points: formatNumber(c.points),
          weight: weightText(c.weight),
          contribution: formatNumber(c.contribution),
        }),
    },
    {
      key: 'contribution',
      title: t('assessments.contribution'),
      width: 100,
      align: 'right',
      render: (_: unknown, c) => <strong>{formatScore(c.contribution)}</strong>,
    },
  ];
  return (
    <div className="assessment-explanation">
      <h3>{t('assessments.explainTitle', { name: unit.name })}</h3>
      <Table<ComponentExplanation>
        size="small"
        bordered
        rowKey="contestId"
        columns={columns}
        dataSource={unit.components}
        pagination={false}
        scroll={{ x: 900 }}
      />
      <ExplanationLines unit={unit} />
    </div>
  );
}

function SchemeCard({ scheme }: { scheme: AssessmentScheme }) {
  const { t, i18n } = useTranslation();
  const weight = scheme.components.reduce((s, c) => s + c.weight, 0);
  const columns: TableColumnsType<AssessmentComponent> = [
    {
      key: 'title',
      title: t('assessments.component'),
      render: (_: unknown, c) => <Link to={`/contests/${c.contestId}`}>{c.title}</Link>,
    },
    {
      key: 'weight',
      title: t('assessments.weight'),
      width: 90,
      render: (_: unknown, c) => weightText(c.weight),
    },
    {
      key: 'conversion',
      title: t('assessments.conversion'),
      render: (_: unknown, c) => conversionText(c.conversion, t),
    },
    {
      key: 'aggregate',
      title: t('assessments.aggregate'),
      width: 160,
      render: (_: unknown, c) => aggregateText(c.aggregate, t, true),
    },
  ];
  return (
    <Card size="small" className="section-card" title={t('assessments.scheme')}>
      <p>
        {t('assessments.schemeComponents', {
          count: scheme.components.length,
          weight: weightText(weight),
        })}
      </p>
      <p>{flagsText(scheme, t)}</p>
      <p>{gradesText(scheme, t, i18n.language)}</p>
      <Table<AssessmentComponent>
        size="small"
        bordered
        rowKey="contestId"
        columns={columns}
        dataSource={scheme.components}
        pagination={scheme.components.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 720 }}
      />
    </Card>
  );
}

/** 综合考核结果: the ranking with grades, what each total is made of, and the scheme in words. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const errorText = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  const results = useRequest(`assessment:${id}`, (signal) => getAssessmentResults(id, signal));

  if (results.error !== undefined) {
    return isNotFound(results.error) ? (
      <Result
        status="404"
        title={t('assessments.notFound')}
        extra={
          <Button onClick={() => navigate('/assessments')}>{t('assessments.backToList')}</Button>
        }
      />
    ) : (
      <RequestError error={results.error} onRetry={results.reload} />
    );
  }
  const data = results.data;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { assessment, items } = data;
  const { scheme } = assessment;

  const classes = (scheme.classes?.length ? scheme.classes : [{ code: '', name: '' }])
    .map((c) => ({ code: c.code, name: c.name, items: items.filter((u) => u.class === c.code) }))
    .filter((c) => c.items.length > 0);

  const publish = async () => {
    setDownloading(true);
    try {
      await publishAssessment(assessment.id);
      void messageApi.success(t('assessmentYear.published'));
      results.reload();
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setDownloading(false);
    }
  };

  const download = async () => {
    setDownloading(true);
    try {
      await downloadAssessmentResults(assessment.id);
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setDownloading(false);
    }
  };

  const columns: TableColumnsType<AssessedUnit> = [
    { key: 'rank', title: t('assessments.rank'), dataIndex: 'rank', width: 80, align: 'center' },
    {
      key: 'name',
      title: t('common.unit'),
      render: (_: unknown, u) => <Link to={`/units/${u.code}`}>{u.name}</Link>,
    },
    {
      key: 'total',
      title: t('assessments.total'),
      width: 110,
      align: 'right',
      render: (_: unknown, u) => <strong>{formatScore(u.total)}</strong>,
    },
    {
      key: 'grade',
      title: t('assessments.grade'),
      width: 100,
      render: (_: unknown, u) => (
        <Tag className="assessment-grade" color={gradeColor(scheme, u.grade)}>
          {u.grade}
          {u.vetoed ? ` · ${t('assessmentYear.vetoed')}` : ''}
        </Tag>
      ),
    },
    {
      key: 'flags',
      title: t('assessments.flags'),
      width: 160,
      render: (_: unknown, u) => t('assessments.flagCount', { red: u.red, yellow: u.yellow }),
    },
    {
      key: 'flagPoints',
      title: t('assessments.flagPoints'),
      width: 120,
      align: 'right',
      render: (_: unknown, u) => formatSigned(u.flagPoints),
    },
  ];

  return (
    <>
      {messageHolder}
      <nav className="page-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <Link to="/assessments">{t('assessments.title')}</Link>
      </nav>
      <div className="page-title-row">
        <PageHeader
          title={t('assessments.yearTitle', { year: assessment.year, title: assessment.title })}
          subtitle={t('assessments.summary', {
            organizer: assessment.organizer.name,
            units: items.length,
            components: scheme.components.length,
          })}
        />
        <Space wrap>
          <Tag
            className="assessment-state"
            color={assessment.state === 'published' ? 'success' : 'processing'}
          >
            {t(`assessmentYear.${assessment.state}`, { version: assessment.version })}
          </Tag>
          {assessment.may.publish && (
            <Button type="primary" loading={downloading} onClick={publish}>
              {t('assessmentYear.publish')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={download}>
            {t('assessments.download')}
          </Button>
        </Space>
      </div>
      {classes.map((cls) => (
        <Card
          key={cls.code}
          size="small"
          className="section-card assessment-class"
          title={
            cls.code
              ? t('assessmentYear.classRanking', { name: cls.name, count: cls.items.length })
              : t('assessments.ranking')
          }
        >
          <p className="muted">{t('assessments.expandHint')}</p>
          <Table<AssessedUnit>
            className="assessment-table"
            size="small"
            bordered
            rowKey="code"
            rowClassName={() => 'assessment-row'}
            columns={columns}
            dataSource={cls.items}
            pagination={false}
            scroll={{ x: 640 }}
            expandable={{
              expandedRowRender: (unit) => <Explanation unit={unit} scheme={scheme} />,
            }}
          />
        </Card>
      ))}
      {assessment.may.rate && <RatingForms id={assessment.id} onSaved={results.reload} />}
      {(assessment.may.readAll || assessment.may.propose) && (
        <Adjustments
          id={assessment.id}
          manage={assessment.may.decide}
          open={assessment.state !== 'published'}
          onDecided={results.reload}
          propose={assessment.may.propose}
          scheme={scheme}
          units={assessment.participants.filter((u) => assessment.may.proposeFor.includes(u.code))}
        />
      )}
      <CompositionChart scheme={scheme} items={items} />
      <SchemeCard scheme={scheme} />
    </>
  );
}
