import { FlagFilled } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Skeleton, type TableColumnType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { flagTallies, myPositions, myTasks, type Position, type Task } from '../../api/me.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RankChange } from '../../components/rank-change.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { daysUntil, formatDate, formatNumber } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

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

function TasksCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const tasks = useRequest('me:tasks', (signal) => myTasks(signal));
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
    <Card
      size="small"
      title={t('workbench.tasksTitle')}
      className="section-card"
      extra={tasks.data ? t('common.countItems', { count: tasks.data.total }) : null}
    >
      {tasks.error !== undefined ? (
        <RequestError error={tasks.error} onRetry={tasks.reload} />
      ) : !tasks.data ? (
        <Skeleton active />
      ) : (
        <ResponsiveTable<Task>
          size="small"
          rowKey={(task) => `${task.round.id}:${task.task}`}
          cardTitle="contest"
          cardExtra="go"
          columns={columns}
          dataSource={tasks.data.items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTasks')} />
            ),
          }}
        />
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
          <RoleTags roles={session.user.roles} />
        </div>
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          <TasksCard />
          <PositionsCard />
        </Col>
        <Col xs={24} xl={8}>
          <FlagsCard unit={session.unit.code} />
        </Col>
      </Row>
    </>
  );
}
