import { BarChartOutlined, FlagFilled } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  List,
  Row,
  Skeleton,
  type TableColumnType,
  Tag,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import type { RoundState } from '../../api/contests.ts';
import { flagTallies, myPositions, myTasks, type Position, type Task } from '../../api/me.ts';
import { listSeries, type SeriesSummary } from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { hasRole, useSession } from '../../app/session.tsx';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { daysUntil, formatDate, formatNumber } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { OverdueRectificationsCard } from '../rectifications/overdue-card.tsx';

function Deadline({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const days = daysUntil(deadline);
  if (days === undefined) return <span className="muted">{t('workbench.noDeadline')}</span>;
  return (
    <span>
      {formatDate(deadline)}{' '}
      <span className={days < 0 ? 'deadline-past' : days <= 3 ? 'deadline-near' : 'muted'}>
        {days < 0 ? t('rounds.overdue', { days: -days }) : t('rounds.daysLeft', { days })}
      </span>
    </span>
  );
}

interface TaskGroup {
  key: string;
  series: SeriesSummary | null;
  period: string;
  tasks: Task[];
}

/** Tasks by series and period (the admin's 35 items as a few groups), newest period first. */
export function groupTasks(tasks: Task[], series: SeriesSummary[]): TaskGroup[] {
  const seriesOf = new Map<number, SeriesSummary>();
  for (const s of series) for (const id of s.contestIds) if (!seriesOf.has(id)) seriesOf.set(id, s);
  const groups = new Map<string, TaskGroup>();
  for (const task of tasks) {
    const s = seriesOf.get(task.contest.id) ?? null;
    const key = `${s?.id ?? 0}:${task.round.period}`;
    const group = groups.get(key) ?? { key, series: s, period: task.round.period, tasks: [] };
    group.tasks.push(task);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.period.localeCompare(a.period) ||
      (a.series ? 0 : 1) - (b.series ? 0 : 1) ||
      (a.series?.id ?? 0) - (b.series?.id ?? 0),
  );
}

function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const columns: (TableColumnType<Task> & { key: string })[] = [
    {
      key: 'task',
      title: t('workbench.task'),
      width: 170,
      render: (_: unknown, task) => (
        <Tag
          color={
            { report: 'blue', score: 'cyan', appeals: 'volcano', advance: 'geekblue' }[task.task]
          }
        >
          {task.task === 'score' && task.indicators.length
            ? t('workbench.tasks.scoreIndicators', { indicators: task.indicators.join('、') })
            : task.task === 'appeals'
              ? t('workbench.tasks.appealsN', { count: task.pendingAppeals })
              : t(`workbench.tasks.${task.task}`)}
        </Tag>
      ),
    },
    {
      key: 'contest',
      title: t('workbench.contest'),
      render: (_: unknown, task) => (
        <Link to={`/rounds/${task.round.id}`}>
          {task.contest.title} · {periodText(task.round.period, i18n.language)}
        </Link>
      ),
    },
    {
      key: 'state',
      title: t('rounds.state'),
      width: 96,
      render: (_: unknown, task) => <RoundStateTag state={task.round.state} />,
    },
    {
      key: 'deadline',
      title: t('contests.deadline'),
      width: 180,
      render: (_: unknown, task) => <Deadline deadline={task.round.deadline} />,
    },
    {
      key: 'go',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, task) => (
        <Button size="small" type="primary" onClick={() => navigate(`/rounds/${task.round.id}`)}>
          {t('workbench.handle')}
        </Button>
      ),
    },
  ];
  return (
    <ResponsiveTable<Task>
      size="small"
      rowKey={(task) => `${task.round.id}:${task.task}`}
      cardTitle="contest"
      cardExtra="go"
      columns={columns}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTasks')} />
        ),
      }}
    />
  );
}

function GroupedTasks({ groups }: { groups: TaskGroup[] }) {
  const { t, i18n } = useTranslation();
  const total = groups.reduce((n, g) => n + g.tasks.length, 0);
  return (
    <Collapse
      className="task-groups"
      size="small"
      // A short list opens whole; a long one shows its groups first.
      defaultActiveKey={total <= 12 ? groups.map((g) => g.key) : []}
      items={groups.map((g) => {
        const states = new Map<RoundState, number>();
        for (const task of g.tasks)
          states.set(task.round.state, (states.get(task.round.state) ?? 0) + 1);
        return {
          key: g.key,
          className: 'task-group',
          label: (
            <span className="task-group-head">
              <strong>{g.series ? g.series.title : t('workbench.otherContests')}</strong>
              <span>{periodText(g.period, i18n.language)}</span>
              <span className="muted">{t('common.countItems', { count: g.tasks.length })}</span>
              {[...states].map(([state, n]) => (
                <span key={state}>
                  <RoundStateTag state={state} />×{n}
                </span>
              ))}
            </span>
          ),
          extra: g.series ? (
            <Link
              className="task-group-series"
              to={`/series/${g.series.id}?period=${encodeURIComponent(g.period)}`}
              onClick={(e) => e.stopPropagation()}
            >
              {t('workbench.openSeries')}
            </Link>
          ) : null,
          children: <TaskTable tasks={g.tasks} />,
        };
      })}
    />
  );
}

function TasksCard() {
  const { t } = useTranslation();
  const { session } = useSession();
  const tasks = useRequest('me:tasks', (signal) => myTasks(signal));
  // The organizer's and admin's items, grouped by series and month (issue 14); a reporter's
  // few stay one list.
  const grouped = hasRole(session, 'admin', 'organizer');
  const series = useRequest(grouped ? 'series' : null, (signal) => listSeries(signal));
  const groups = useMemo(
    () =>
      grouped && tasks.data && series.data ? groupTasks(tasks.data.items, series.data.items) : null,
    [grouped, tasks.data, series.data],
  );
  return (
    <Card
      size="small"
      title={t('workbench.tasksTitle')}
      className="section-card"
      extra={
        <span className="tasks-extra">
          {tasks.data ? t('common.countItems', { count: tasks.data.total }) : null}
          <Link to="/me/month">{t('workbench.myMonthLink')}</Link>
        </span>
      }
    >
      {tasks.error !== undefined ? (
        <RequestError error={tasks.error} onRetry={tasks.reload} />
      ) : !tasks.data || (grouped && !series.data && series.error === undefined) ? (
        <Skeleton active />
      ) : groups && groups.length > 0 ? (
        <GroupedTasks groups={groups} />
      ) : (
        <TaskTable tasks={tasks.data.items} />
      )}
    </Card>
  );
}

function PositionsCard() {
  const { t, i18n } = useTranslation();
  const positions = useRequest('me:positions', (signal) => myPositions(signal));
  const columns: (TableColumnType<Position> & { key: string })[] = [
    {
      key: 'contest',
      title: t('workbench.contest'),
      render: (_: unknown, p) => <Link to={`/contests/${p.contest.id}`}>{p.contest.title}</Link>,
    },
    {
      key: 'period',
      title: t('contests.period'),
      width: 110,
      render: (_: unknown, p) =>
        p.latest ? (
          <Link to={`/rounds/${p.latest.roundId}/results`}>
            {periodText(p.latest.period, i18n.language)}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'rank',
      title: t('results.rank'),
      width: 90,
      align: 'center',
      render: (_: unknown, p) =>
        p.latest ? (
          <span className="position-rank">
            {t('workbench.rankN', { rank: p.latest.rank })}
            {p.latest.group ? <span className="muted small">（{p.latest.group}）</span> : null}
          </span>
        ) : (
          <span className="muted">{t('workbench.noResultYet')}</span>
        ),
    },
    {
      key: 'change',
      title: t('results.change'),
      width: 72,
      align: 'center',
      render: (_: unknown, p) => (p.latest ? <RankChange change={p.latest.rankChange} /> : '—'),
    },
    {
      key: 'total',
      title: t('results.total'),
      width: 80,
      align: 'right',
      render: (_: unknown, p) => formatNumber(p.latest?.total),
    },
    {
      key: 'flag',
      title: t('results.flag'),
      width: 90,
      render: (_: unknown, p) => <FlagBadge flag={p.latest?.flag ?? null} />,
    },
    {
      key: 'trend',
      title: t('workbench.trend'),
      width: 160,
      render: (_: unknown, p) =>
        p.history.length > 1 ? (
          <span className="rank-trend" title={t('workbench.trendHint')}>
            {[...p.history]
              .reverse()
              .slice(-6)
              .map((h) => h.rank)
              .join(' → ')}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card size="small" title={t('workbench.positionsTitle')} className="section-card">
      {positions.error !== undefined ? (
        <RequestError error={positions.error} onRetry={positions.reload} />
      ) : !positions.data ? (
        <Skeleton active />
      ) : (
        <ResponsiveTable<Position>
          size="small"
          rowKey={(p) => p.contest.id}
          cardTitle="contest"
          columns={columns}
          dataSource={positions.data.items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('workbench.noPositions')}
              />
            ),
          }}
        />
      )}
    </Card>
  );
}

function FlagsCard({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const flags = useRequest(`me:flags:${unit}:${year}`, (signal) =>
    flagTallies({ year, unit }, signal),
  );
  const mine = flags.data?.items[0];
  return (
    <Card size="small" title={t('workbench.flagsTitle', { year })} className="section-card">
      {flags.error !== undefined ? (
        <RequestError error={flags.error} onRetry={flags.reload} />
      ) : !flags.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <div className="flag-count-row">
            <div className="flag-count red">
              <FlagFilled />
              <strong>{mine?.red ?? 0}</strong>
              <span>{t('flags.redCount')}</span>
            </div>
            <div className="flag-count yellow">
              <FlagFilled />
              <strong>{mine?.yellow ?? 0}</strong>
              <span>{t('flags.yellowCount')}</span>
            </div>
          </div>
          {mine?.contests.length ? (
            <List
              size="small"
              dataSource={mine.contests}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/contests/${c.id}`}>{c.title}</Link>
                  <span>
                    {c.red ? <Tag color="#cf1322">{t('flags.redN', { count: c.red })}</Tag> : null}
                    {c.yellow ? (
                      <Tag color="#d4a106">{t('flags.yellowN', { count: c.yellow })}</Tag>
                    ) : null}
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <p className="muted">{t('workbench.noFlags')}</p>
          )}
        </>
      )}
    </Card>
  );
}

/** 工作台: what waits for me, where my unit stands, and this year's flags. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) return null;
  // A leader (领导, viewer only) has nothing to do here: the county overview is the landing page.
  if (session.user.roles.length > 0 && session.user.roles.every((r) => r === 'viewer')) {
    return <Navigate to="/dashboard" replace />;
  }
  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <Card size="small" className="section-card welcome-card">
        <div className="welcome">
          <div>
            <div className="welcome-name">
              {t('workbench.hello', { name: session.user.displayName })}
            </div>
            <div className="muted">{session.unitPath.map((u) => u.name).join(' › ')}</div>
          </div>
          <span className="welcome-actions">
            {hasRole(session, 'admin', 'organizer') ? (
              <Link to="/dashboard" data-testid="open-dashboard">
                <BarChartOutlined /> {t('dashboard.open')}
              </Link>
            ) : null}
            <RoleTags roles={session.user.roles} />
          </span>
        </div>
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          <TasksCard />
          <PositionsCard />
        </Col>
        <Col xs={24} xl={8}>
          <FlagsCard unit={session.unit.code} />
          {hasRole(session, 'admin', 'organizer', 'viewer') ? <OverdueRectificationsCard /> : null}
        </Col>
      </Row>
    </>
  );
}
