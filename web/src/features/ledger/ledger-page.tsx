import { Card, Col, Input, Row, Select, Skeleton, Space, Table, type TableColumnsType } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listProjects, type ProjectSummary } from '../../api/ledger.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { LightTag } from './light-tag.tsx';

const KINDS = [
  'key_project',
  'critical_project',
  'key_enterprise',
  'urban_work',
  'key_task',
] as const;
const STATES = [
  'planning',
  'reserve',
  'active',
  'completed',
  'retired',
  'withdrawn',
  'suspended',
] as const;
const LIGHTS = ['red', 'yellow', 'green'] as const;

/** 项目台账: the list with filters (kind, unit, light, state) and the county summary of lights. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    kind: params.get('kind') ?? undefined,
    light: params.get('light') ?? undefined,
    state: params.get('state') ?? undefined,
    unit: params.get('unit') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const key = JSON.stringify({ filter, page });
  const list = useRequest(`projects:${key}`, (signal) =>
    listProjects({ ...filter, limit: 20, offset: (page - 1) * 20 }, signal),
  );
  // The county summary: every project in scope (lights by kind).
  const all = useRequest('projects:all', (signal) => listProjects({ limit: 500 }, signal));
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const option = useMemo(() => {
    const items = all.data?.items ?? [];
    const kinds = KINDS.map(
      (k) => items.find((i) => i.kind === k)?.kindName ?? t(`ledger.kinds.${k}`),
    );
    const count = (kind: string, light: string) =>
      items.filter((i) => i.kind === kind && i.light === light).length;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 100, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: kinds },
      color: ['#cf1322', '#d4b106', '#389e0d'],
      series: LIGHTS.map((l) => ({
        name: t(`ledger.lights.${l}`),
        type: 'bar',
        stack: 'all',
        data: KINDS.map((k) => count(k, l)),
      })),
    };
  }, [all.data, t]);
  const columns: TableColumnsType<ProjectSummary> = [
    { title: t('ledger.code'), dataIndex: 'code', width: 90 },
    {
      title: t('ledger.name'),
      dataIndex: 'name',
      render: (_: unknown, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
    },
    { title: t('ledger.kind'), dataIndex: 'kindName', width: 110, responsive: ['md'] },
    { title: t('ledger.unit'), render: (_: unknown, p) => p.unit.name, width: 130 },
    { title: t('ledger.state'), dataIndex: 'stateName', width: 90, responsive: ['md'] },
    {
      title: t('ledger.total'),
      dataIndex: 'totalInvestment',
      align: 'right',
      width: 110,
      responsive: ['lg'],
    },
    {
      title: t('ledger.light'),
      width: 90,
      render: (_: unknown, p) => <LightTag light={p.light} />,
    },
  ];
  return (
    <>
      <PageHeader title={t('ledger.title')} subtitle={t('ledger.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" className="section-card">
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder={t('ledger.kind')}
                style={{ width: 150 }}
                value={filter.kind}
                onChange={(v) => set('kind', v)}
                options={KINDS.map((k) => ({ value: k, label: t(`ledger.kinds.${k}`) }))}
                aria-label={t('ledger.kind')}
              />
              <Select
                allowClear
                placeholder={t('ledger.light')}
                style={{ width: 110 }}
                value={filter.light}
                onChange={(v) => set('light', v)}
                options={LIGHTS.map((l) => ({ value: l, label: t(`ledger.lights.${l}`) }))}
                aria-label={t('ledger.light')}
              />
              <Select
                allowClear
                placeholder={t('ledger.state')}
                style={{ width: 120 }}
                value={filter.state}
                onChange={(v) => set('state', v)}
                options={STATES.map((s) => ({ value: s, label: t(`ledger.states.${s}`) }))}
                aria-label={t('ledger.state')}
              />
              <Input.Search
                allowClear
                placeholder={t('ledger.search')}
                defaultValue={filter.q}
                onSearch={(v) => set('q', v || undefined)}
                style={{ width: 200 }}
              />
              <Link to="/problems">{t('ledger.board')}</Link>
            </Space>
            {list.error ? <RequestError error={list.error} onRetry={list.reload} /> : null}
            <Table<ProjectSummary>
              size="small"
              rowKey="id"
              loading={list.loading}
              columns={columns}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                onChange: (p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  setParams(next);
                },
              }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('ledger.summary')} className="section-card">
            <Suspense fallback={<Skeleton active />}>
              <LazyChart option={option} height={280} ariaLabel={t('ledger.summary')} />
            </Suspense>
          </Card>
        </Col>
      </Row>
    </>
  );
}
