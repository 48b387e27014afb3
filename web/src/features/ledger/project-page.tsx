import {
  message as antdMessage,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Skeleton,
  Switch,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../api/error-message.ts';
import {
  getProject,
  listProblems,
  type Problem,
  publishProject,
  putInvestments,
} from '../../api/ledger.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { LightTag } from './light-tag.tsx';

/** A project: milestones, investment plan vs actual, problems, service log; the unit reports here. */
export default function ProjectPage() {
  const { t, i18n } = useTranslation();
  // No antd <App> above the pages (app.tsx): the hook, with its holder rendered below.
  const [message, messageHolder] = antdMessage.useMessage();
  const { id = '' } = useParams();
  const project = useRequest(`project:${id}`, (signal) => getProject(id, signal));
  const problems = useRequest(`project-problems:${id}`, (signal) =>
    listProblems({ project: id }, signal),
  );
  const [saving, setSaving] = useState(false);
  const p = project.data;
  const option = useMemo(() => {
    const rows = p?.investments ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value', name: t('ledger.tenThousand') },
      series: [
        { name: t('ledger.planned'), type: 'bar', data: rows.map((r) => r.planned) },
        { name: t('ledger.completed'), type: 'bar', data: rows.map((r) => r.completed) },
      ],
    };
  }, [p, t]);
  if (project.error) return <RequestError error={project.error} onRetry={project.reload} />;
  if (!p) return <Skeleton active />;
  const thisMonth = new Date().toISOString().slice(0, 7);
  const current = p.investments.find((i) => i.month === thisMonth);
  const report = async (values: { month: string; completed: number }) => {
    setSaving(true);
    try {
      await putInvestments(p.id, [{ month: thisMonth, completed: values.completed }]);
      void message.success(t('ledger.saved'));
      project.reload();
    } catch (error) {
      void message.error(errorMessage(error, t, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  const publish = async (changes: { published?: boolean; publishInvestment?: boolean }) => {
    setSaving(true);
    try {
      await publishProject(p.id, changes);
      void message.success(t('ledger.publishSaved'));
      project.reload();
    } catch (error) {
      void message.error(errorMessage(error, t, i18n.language));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      {messageHolder}
      <PageHeader title={p.name} subtitle={`${p.code} · ${p.kindName} · ${p.unit.name}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledger.overview')} className="section-card">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('ledger.light')}>
                <LightTag light={p.light} /> {p.lightReasons.join('；')}
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.state')}>
                {p.stateName}
                {p.stateReason ? `（${p.stateReason}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.owner')}>{p.owner}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.taskforce')}>
                {p.taskforce
                  ? `${p.taskforce.name}（${t('ledger.leader')}：${p.taskforce.leaderPost}；${p.taskforce.head}）`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.total')}>{p.totalInvestment}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.ytd', { year: p.totals.year })}>
                {p.totals.ytdCompleted.toFixed(1)} / {p.totals.ytdPlanned.toFixed(1)}
                {p.totals.ytdRate !== null ? `（${p.totals.ytdRate}%）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ledger.sinceStart')}>
                {p.totals.totalCompleted.toFixed(1)}
                {p.totals.sinceStartRate !== null ? `（${p.totals.sinceStartRate}%）` : ''}
              </Descriptions.Item>
            </Descriptions>
            {p.may.report ? (
              <Form
                layout="inline"
                style={{ marginTop: 12 }}
                onFinish={report}
                initialValues={{ completed: current?.completed ?? undefined }}
              >
                <Form.Item
                  name="completed"
                  label={t('ledger.reportMonth', { month: thisMonth })}
                  rules={[{ required: true, message: t('ledger.required') }]}
                >
                  <InputNumber min={0} aria-label={t('ledger.completed')} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('ledger.report')}
                </Button>
              </Form>
            ) : null}
          </Card>
          {p.may.manage ? (
            <Card size="small" title={t('ledger.publishTitle')} className="section-card">
              <div className="ledger-publish">
                <span>
                  <Switch
                    id="ledger-published"
                    checked={p.published}
                    loading={saving}
                    onChange={(published) => publish({ published })}
                  />{' '}
                  <label htmlFor="ledger-published">{t('ledger.published')}</label>
                </span>
                <span>
                  <Switch
                    id="ledger-publish-investment"
                    checked={p.publishInvestment}
                    disabled={!p.published}
                    loading={saving}
                    onChange={(publishInvestment) => publish({ publishInvestment })}
                  />{' '}
                  <label htmlFor="ledger-publish-investment">{t('ledger.publishInvestment')}</label>
                </span>
              </div>
              <p className="muted small">{t('ledger.publishHint')}</p>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledger.investmentChart')} className="section-card">
            <Suspense fallback={<Skeleton active />}>
              <LazyChart option={option} height={260} ariaLabel={t('ledger.investmentChart')} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('ledger.milestones')} className="section-card">
            <Timeline
              items={p.milestones.map((m) => ({
                color: m.actual
                  ? m.daysLate > 0
                    ? 'orange'
                    : 'green'
                  : m.daysLate > 0
                    ? 'red'
                    : 'gray',
                content: `${m.name}：${t('ledger.plannedOn')} ${m.planned}${m.actual ? `，${t('ledger.actualOn')} ${m.actual}` : ''}${m.daysLate > 0 ? `（${t('ledger.daysLate', { n: m.daysLate })}）` : ''}`,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('ledger.problems')} className="section-card">
            <Table<Problem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={problems.data?.items ?? []}
              columns={[
                { title: t('ledger.problem'), dataIndex: 'title' },
                { title: t('ledger.state'), dataIndex: 'stateName', width: 90 },
                { title: t('ledger.deadline'), dataIndex: 'deadline', width: 110 },
                {
                  title: t('ledger.overdue'),
                  width: 90,
                  render: (_: unknown, x) =>
                    x.overdue ? (
                      <Tag color="red">{t('ledger.daysLate', { n: x.daysOverdue })}</Tag>
                    ) : null,
                },
              ]}
              scroll={{ x: true }}
            />
          </Card>
          <Card size="small" title={t('ledger.log')} className="section-card">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.logs}
              columns={[
                { title: t('ledger.date'), dataIndex: 'date', width: 110 },
                { title: t('ledger.logKind'), dataIndex: 'kindName', width: 90 },
                { title: t('ledger.who'), dataIndex: 'who', width: 140, responsive: ['md'] },
                { title: t('ledger.text'), dataIndex: 'text' },
              ]}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
