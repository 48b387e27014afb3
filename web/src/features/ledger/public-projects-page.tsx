import { Card, Col, Empty, Progress, Row, Segmented, Skeleton, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicProject, publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

const KINDS = [
  'critical_project',
  'key_project',
  'key_enterprise',
  'urban_work',
  'key_task',
] as const;
type Kind = (typeof KINDS)[number];

/**
 * 重点项目 on the public site (DESIGN §9): the projects the organizers chose to show, where they
 * are (by responsible town or department) and how far they have come; money only where the
 * organizer showed it too.
 */
export default function PublicProjectsPage() {
  const { t } = useTranslation();
  const projects = useRequest('public:projects', (signal) => publicApi.projects(signal));
  const [kind, setKind] = useState('all');
  const all = projects.data?.items ?? [];
  const shown = kind === 'all' ? all : all.filter((p) => p.kind === kind);
  const kinds = KINDS.filter((k) => all.some((p) => p.kind === k));
  const option = useMemo(
    () => distribution(shown, kinds, (k) => t(`ledger.kinds.${k}`)),
    [shown, kinds, t],
  );
  const units = new Set(shown.map((p) => p.unit)).size;
  return (
    <>
      <PageHeader title={t('public.projects.title')} subtitle={t('public.projects.subtitle')} />
      {projects.error !== undefined ? (
        <RequestError error={projects.error} onRetry={projects.reload} />
      ) : !projects.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : all.length === 0 ? (
        <Empty description={t('public.projects.empty')} />
      ) : (
        <>
          <Segmented
            className="public-projects-kinds"
            value={kind}
            onChange={(value) => setKind(String(value))}
            options={[
              { value: 'all', label: t('public.projects.allKinds', { count: all.length }) },
              ...kinds.map((k) => ({
                value: k,
                label: `${t(`ledger.kinds.${k}`)} ${all.filter((p) => p.kind === k).length}`,
              })),
            ]}
          />
          <Card
            size="small"
            className="section-card"
            title={t('public.projects.byUnit', { count: shown.length, units })}
          >
            <Suspense fallback={<Skeleton active />}>
              <LazyChart
                option={option}
                height={Math.max(160, units * 26 + 50)}
                ariaLabel={t('public.projects.byUnit', { count: shown.length, units })}
              />
            </Suspense>
          </Card>
          {projects.data.total > all.length ? (
            <p className="muted small">
              {t('public.projects.firstN', { n: all.length, total: projects.data.total })}
            </p>
          ) : null}
          <Row gutter={[12, 12]}>
            {shown.map((p) => (
              <Col key={p.code} xs={24} md={12} xl={8}>
                <ProjectCard project={p} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}

function ProjectCard({ project: p }: { project: PublicProject }) {
  const { t } = useTranslation();
  const money = p.investment;
  return (
    <Card size="small" className="public-project" title={p.name}>
      <div>
        <Tag color="blue">{p.kindName}</Tag>
        <Tag>{p.stateName}</Tag>
      </div>
      <div className="muted small">
        {[
          p.unit,
          p.location !== p.unit ? p.location : null,
          p.industry,
          t('public.projects.since', { year: p.startYear }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {money ? (
        <div className="public-project-money">
          <div className="small">
            {t('public.projects.total', { amount: money.total })}
            {' · '}
            {t('public.projects.ytd', {
              year: money.year,
              done: money.ytdCompleted.toFixed(1),
              planned: money.yearPlanned.toFixed(1),
            })}
          </div>
          {money.ytdRate !== null ? (
            <Progress
              percent={Math.min(100, money.ytdRate)}
              format={() => `${money.ytdRate}%`}
              size="small"
              aria-label={t('public.projects.rate')}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** Projects per responsible unit, stacked by kind: where the county's projects are. */
function distribution(
  projects: PublicProject[],
  kinds: readonly Kind[],
  kindName: (kind: Kind) => string,
) {
  // One pass: projects per unit, and per unit and kind.
  const count = new Map<string, number>();
  const byKind = new Map<string, number>();
  for (const p of projects) {
    count.set(p.unit, (count.get(p.unit) ?? 0) + 1);
    byKind.set(`${p.unit}\t${p.kind}`, (byKind.get(`${p.unit}\t${p.kind}`) ?? 0) + 1);
  }
  // Fewest at the bottom of the axis, so the largest reads first from the top.
  const units = [...count.keys()].sort(
    (a, b) => count.get(a)! - count.get(b)! || b.localeCompare(a, 'zh'),
  );
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units },
    series: kinds
      .filter((k) => projects.some((p) => p.kind === k))
      .map((k) => ({
        name: kindName(k),
        type: 'bar',
        stack: 'projects',
        data: units.map((u) => byKind.get(`${u}\t${k}`) ?? 0),
      })),
  };
}
