import {
  message as antdMessage,
  Button,
  Card,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/error-message.ts';
import { actOnProblem, listProblems, type Problem } from '../../api/ledger.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

/** The next steps of the loop from a state (the server decides who may take them). */
type Action = 'remind' | 'escalate' | 'reply' | 'confirm' | 'close';
const NEXT: Record<string, Action[]> = {
  assigned: ['remind', 'escalate', 'reply'],
  reminded: ['remind', 'escalate', 'reply'],
  escalated: ['remind', 'reply'],
  replied: ['confirm'],
  confirmed: ['close'],
};

/** 督办: open problems, the overdue first, with the steps of the closed loop. */
export default function ProblemsPage() {
  const { t, i18n } = useTranslation();
  // No antd <App> above the pages (app.tsx): the hook, with its holder rendered below.
  const [message, messageHolder] = antdMessage.useMessage();
  const [view, setView] = useState<'overdue' | 'open' | 'all'>('overdue');
  const [reply, setReply] = useState<Record<number, string>>({});
  // A step's answer replaces its row at once, and the page stays where it was: the board is
  // long, and the next step (确认 after 答复, 销号 after 确认) is usually taken right there.
  const [page, setPage] = useState(1);
  const [stepped, setStepped] = useState<Record<number, Problem>>({});
  const query =
    view === 'overdue'
      ? { overdue: '1' }
      : view === 'open'
        ? { open: '1' }
        : ({} as Record<string, string>);
  const list = useRequest(`problems:${view}`, (signal) =>
    listProblems({ ...query, limit: 200 }, signal),
  );
  const act = async (p: Problem, action: Action) => {
    try {
      const after = await actOnProblem(p.id, {
        action,
        ...(action === 'reply' ? { reply: reply[p.id] || t('ledger.defaultReply') } : {}),
      });
      setStepped((rows) => ({
        ...rows,
        [p.id]: {
          ...p,
          ...after,
          project: after.project ?? p.project,
          owner: after.owner ?? p.owner,
        },
      }));
      void message.success(t(`ledger.actions.${action}`));
    } catch (error) {
      void message.error(errorMessage(error, t, i18n.language));
    }
  };
  const columns: TableColumnsType<Problem> = [
    {
      title: t('ledger.project'),
      render: (_: unknown, p) => <Link to={`/projects/${p.projectId}`}>{p.project?.name}</Link>,
    },
    { title: t('ledger.problem'), dataIndex: 'title' },
    {
      title: t('ledger.ownerUnit'),
      render: (_: unknown, p) => p.owner?.name ?? '—',
      responsive: ['md'],
    },
    { title: t('ledger.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('ledger.state'),
      width: 130,
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          {p.stateName}
          {p.overdue ? <Tag color="red">{t('ledger.daysLate', { n: p.daysOverdue })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('ledger.actionsTitle'),
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          {(NEXT[p.state] ?? []).includes('reply') ? (
            <Input
              size="small"
              style={{ width: 140 }}
              placeholder={t('ledger.replyPlaceholder')}
              value={reply[p.id] ?? ''}
              onChange={(e) => setReply({ ...reply, [p.id]: e.target.value })}
              aria-label={t('ledger.replyPlaceholder')}
            />
          ) : null}
          {(NEXT[p.state] ?? []).map((a) => (
            <Button key={a} size="small" onClick={() => act(p, a)}>
              {t(`ledger.actions.${a}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      {messageHolder}
      <PageHeader title={t('ledger.boardTitle')} subtitle={t('ledger.boardSubtitle')} />
      <Card size="small" className="section-card">
        <Segmented
          style={{ marginBottom: 12 }}
          value={view}
          onChange={(v) => {
            setView(v as typeof view);
            setPage(1);
            setStepped({});
          }}
          options={[
            { value: 'overdue', label: t('ledger.overdueOnly') },
            { value: 'open', label: t('ledger.openOnly') },
            { value: 'all', label: t('ledger.all') },
          ]}
        />
        {list.error ? <RequestError error={list.error} onRetry={list.reload} /> : null}
        <Table<Problem>
          size="small"
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={(list.data?.items ?? []).map((p) => stepped[p.id] ?? p)}
          pagination={{ current: page, onChange: setPage, pageSize: 20, showSizeChanger: false }}
          scroll={{ x: true }}
        />
      </Card>
    </>
  );
}
