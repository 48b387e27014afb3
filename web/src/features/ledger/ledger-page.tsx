import {
  message as antdMessage,
  Button,
  Card,
  Col,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Upload,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';
import {
  getLedgerSummary,
  importLedger,
  type LedgerGroup,
  ledgerFiles,
  listProjects,
  type ProjectSummary,
} from '../../api/ledger.ts';
import type { SheetProblem } from '../../api/sheets.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
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
  const { t, i18n } = useTranslation();
  // No antd <App> above the pages (app.tsx): the hooks, with their holders rendered below.
  const [message, messageHolder] = antdMessage.useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const [busy, setBusy] = useState<string | null>(null);
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
  // The county summary of the month: lights by unit and by kind (GET /ledger/summary).
  const month = params.get('month') ?? new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: 12 }, (_, k) => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - k);
    return d.toISOString().slice(0, 7);
  });
  const summary = useRequest(`ledger-summary:${month}`, (signal) =>
    getLedgerSummary(month, signal),
  );
  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    try {
      await job();
    } catch (error) {
      const problems = (error instanceof ApiError &&
        (error.details as { problems?: SheetProblem[] } | undefined)?.problems) as
        | SheetProblem[]
        | undefined;
      if (problems?.length && problems[0]!.row > 0) {
        modal.error({
          title: t('ledger.importRefused'),
          width: 640,
          content: (
            <ul style={{ maxHeight: 360, overflow: 'auto', paddingLeft: 20 }}>
              {problems.slice(0, 50).map((p) => (
                <li key={`${p.sheet}:${p.row}:${p.column}:${p.code}`}>
                  {t('ledger.problemAt', { sheet: p.sheet ?? '', row: p.row, column: p.column })}：
                  {p.message}
                </li>
              ))}
            </ul>
          ),
        });
      } else {
        void message.error(errorMessage(error, t, i18n.language));
      }
    } finally {
      setBusy(null);
    }
  };
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const option = useMemo(() => {
    const groups = summary.data?.byKind ?? [];
    const kinds = groups.map((g) => g.name);
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
        data: groups.map((g) => g[l]),
      })),
    };
  }, [summary.data, t]);
  const unitColumns: TableColumnsType<LedgerGroup> = [
    {
      title: t('ledger.unit'),
      dataIndex: 'name',
      render: (_: unknown, g) => (
        <a
          href={`?unit=${encodeURIComponent(g.key)}`}
          onClick={(e) => {
            e.preventDefault();
            set('unit', g.key);
          }}
        >
          {g.name}
        </a>
      ),
    },
    { title: t('ledger.projectsN'), dataIndex: 'projects', width: 64, align: 'right' },
    {
      title: t('ledger.lights.red'),
      dataIndex: 'red',
      width: 56,
      align: 'right',
      render: (n: number) => (n > 0 ? <span style={{ color: '#cf1322' }}>{n}</span> : n),
    },
    {
      title: t('ledger.lights.yellow'),
      dataIndex: 'yellow',
      width: 56,
      align: 'right',
      render: (n: number) => (n > 0 ? <span style={{ color: '#ad8b00' }}>{n}</span> : n),
    },
    {
      title: t('ledger.rate'),
      dataIndex: 'rate',
      width: 72,
      align: 'right',
      render: (r: number | null) => (r === null ? '—' : `${r}%`),
    },
  ];
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
      {messageHolder}
      {modalHolder}
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
              <UnitPicker
                value={filter.unit}
                onChange={(code) => set('unit', code)}
                placeholder={t('ledger.unitFilter')}
                aria-label={t('ledger.unitFilter')}
                style={{ width: 180 }}
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
          <Card
            size="small"
            title={t('ledger.summary')}
            className="section-card"
            extra={
              <Select
                size="small"
                value={month}
                onChange={(v) => {
                  const next = new URLSearchParams(params);
                  next.set('month', v);
                  setParams(next);
                }}
                options={months.map((m) => ({ value: m, label: m }))}
                aria-label={t('ledger.month')}
                style={{ width: 100 }}
              />
            }
          >
            {summary.error ? <RequestError error={summary.error} onRetry={summary.reload} /> : null}
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                size="small"
                loading={busy === 'report'}
                onClick={() => run('report', () => ledgerFiles.report(month))}
              >
                {t('ledger.reportXlsx')}
              </Button>
              <Button
                size="small"
                loading={busy === 'brief'}
                onClick={() => run('brief', () => ledgerFiles.brief(month))}
              >
                {t('ledger.reportDocx')}
              </Button>
              <Button
                size="small"
                loading={busy === 'export'}
                onClick={() => run('export', () => ledgerFiles.export())}
              >
                {t('ledger.exportXlsx')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void run('import', async () => {
                    const result = await importLedger(file);
                    void message.success(t('ledger.imported', result));
                    list.reload();
                    summary.reload();
                  });
                  return false;
                }}
              >
                <Button size="small" loading={busy === 'import'}>
                  {t('ledger.importXlsx')}
                </Button>
              </Upload>
            </Space>
            <div style={{ fontWeight: 500, margin: '4px 0' }}>{t('ledger.byKindTitle')}</div>
            <Suspense fallback={<Skeleton active />}>
              <LazyChart option={option} height={220} ariaLabel={t('ledger.byKindTitle')} />
            </Suspense>
            <div style={{ fontWeight: 500, margin: '12px 0 4px' }}>{t('ledger.byUnitTitle')}</div>
            <Table<LedgerGroup>
              size="small"
              rowKey="key"
              loading={summary.loading}
              columns={unitColumns}
              dataSource={summary.data?.byUnit ?? []}
              pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
              locale={{ emptyText: t('ledger.noProjects') }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
