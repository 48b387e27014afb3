import { BarChartOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { hasResults } from '../../../../src/core/round-state.ts';
import {
  type Contest,
  currentVersion,
  getContest,
  getRubric,
  type Participant,
  type RoundSummary,
} from '../../api/contests.ts';
import { isNotFound } from '../../api/error-message.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { formatDate } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { RubricView } from '../rubrics/rubric-view.tsx';
import { InstantiateButton } from './instantiate-button.tsx';
import { OpenRoundModal } from './open-round-modal.tsx';

// Tabs only some readers open: their code (and the editor) loads when they do.
const LinkageSection = lazy(() => import('./linkage-section.tsx'));
const PracticesSection = lazy(() => import('../practices/practices-section.tsx'));

function RubricSection({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const published = contest.rubricVersions.filter((v) => v.status === 'published');
  const [version, setVersion] = useState<number | undefined>(currentVersion(contest));
  const rubric = useRequest(
    version === undefined ? null : `rubric:${contest.id}:${version}`,
    (signal) => getRubric(contest.id, version ?? 0, signal),
  );
  if (version === undefined) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contests.noRubric')} />;
  }
  return (
    <>
      {published.length > 1 ? (
        <Space style={{ marginBottom: 12 }}>
          <span>{t('contests.rubricVersion')}</span>
          <Select
            value={version}
            onChange={setVersion}
            aria-label={t('contests.rubricVersion')}
            options={published.map((v) => ({
              value: v.version,
              label: t('contests.versionLabel', {
                version: v.version,
                date: formatDate(v.publishedAt),
              }),
            }))}
            style={{ minWidth: 220 }}
          />
        </Space>
      ) : (
        <p className="muted">
          {t('contests.versionLabel', {
            version,
            date: formatDate(published.find((v) => v.version === version)?.publishedAt),
          })}
        </p>
      )}
      {rubric.error !== undefined ? (
        <RequestError error={rubric.error} onRetry={rubric.reload} />
      ) : !rubric.data ? (
        <Skeleton active />
      ) : (
        <RubricView
          rubric={rubric.data.rubric}
          evaluators={contest.evaluators}
          organizer={contest.organizer}
        />
      )}
    </>
  );
}

function ParticipantsSection({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const grouped = contest.groups.length > 0;
  const columns: TableColumnsType<Participant> = [
    { key: 'code', title: t('common.code'), dataIndex: 'code', width: 140 },
    {
      key: 'name',
      title: t('common.unit'),
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/units/${p.code}`}>{name}</Link>,
    },
    {
      key: 'kind',
      title: t('common.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (kind: string) =>
        t(`units.kinds.${kind}` as 'units.kinds.town', { defaultValue: kind }),
    },
    ...(grouped
      ? [{ key: 'group', title: t('contests.group'), dataIndex: 'group', width: 120 }]
      : []),
  ];
  return (
    <>
      {grouped ? (
        <p className="muted">{t('contests.groupsNote', { groups: contest.groups.join('、') })}</p>
      ) : null}
      <Table<Participant>
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={contest.participants}
        pagination={contest.participants.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 520 }}
      />
    </>
  );
}

function RoundsSection({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const rounds = [...contest.rounds].sort((a, b) => b.period.localeCompare(a.period));
  const columns: TableColumnsType<RoundSummary> = [
    {
      key: 'period',
      title: t('contests.period'),
      render: (_: unknown, round) =>
        session ? (
          <Link to={`/rounds/${round.id}`}>{periodText(round.period, i18n.language)}</Link>
        ) : (
          periodText(round.period, i18n.language)
        ),
    },
    {
      key: 'state',
      title: t('rounds.state'),
      width: 110,
      render: (_: unknown, round) => <RoundStateTag state={round.state} />,
    },
    {
      key: 'deadline',
      title: t('contests.deadline'),
      width: 120,
      render: (_: unknown, round) => formatDate(round.deadline),
    },
    {
      key: 'revision',
      title: t('results.revision'),
      width: 90,
      render: (_: unknown, round) =>
        round.revision > 0 ? t('results.corrected', { n: round.revision }) : '—',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_: unknown, round) => (
        <Space size={4} wrap>
          {session ? <Link to={`/rounds/${round.id}`}>{t('contests.enterRound')}</Link> : null}
          {hasResults(round.state) && (round.state === 'published' || session) ? (
            <Link to={`/rounds/${round.id}/results`}>
              <BarChartOutlined /> {t('contests.viewResults')}
            </Link>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<RoundSummary>
      size="small"
      bordered
      rowKey="id"
      columns={columns}
      dataSource={rounds}
      pagination={rounds.length > 24 ? { pageSize: 24 } : false}
      locale={{ emptyText: t('contests.noRounds') }}
      scroll={{ x: 600 }}
    />
  );
}

/** One contest: what it is, its rubric in force, its participants and lead offices, its rounds. */
export default function ContestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const contest = useRequest(`contest:${id}`, (signal) => getContest(id, signal));
  const [opening, setOpening] = useState(false);
  const template = useRequest(
    contest.data?.templateId ? `contest:${contest.data.templateId}` : null,
    (signal) => getContest(contest.data?.templateId ?? 0, signal),
  );

  const leads = useMemo(
    () =>
      Object.entries(contest.data?.evaluators ?? {}).sort(([a], [b]) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    [contest.data],
  );

  if (contest.error !== undefined) {
    return isNotFound(contest.error) ? (
      <Result
        status="404"
        title={t('contests.notFound')}
        extra={<Button onClick={() => navigate('/contests')}>{t('contests.backToList')}</Button>}
      />
    ) : (
      <RequestError error={contest.error} onRetry={contest.reload} />
    );
  }
  const data = contest.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const hasRubric = currentVersion(data) !== undefined;
  // What the reader may do comes from the server (`may`, src/app/policies/contest.ts).
  const mayManage = data.may.manage;
  // 三级联动: the county's readers compare the towns; a town's managers run the template.
  const seesLinkage = data.may.readLinkage;
  const runsTemplate = data.may.instantiate;

  return (
    <>
      <div className="page-title-row">
        <PageHeader title={data.title} subtitle={data.description ?? undefined} />
        {runsTemplate ? <InstantiateButton template={data} /> : null}
        {mayManage ? (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/contests/${data.id}/rubric`)}>
              {t('contests.editRubric')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!hasRubric}
              title={hasRubric ? undefined : t('contests.publishRubricFirst')}
              onClick={() => setOpening(true)}
            >
              {t('contests.openRound')}
            </Button>
          </Space>
        ) : null}
      </div>
      {data.isTemplate ? (
        <Alert
          className="section-card"
          type="info"
          showIcon
          title={
            <>
              <Tag color="purple">{t('linkage.templateTag')}</Tag>
              {t('linkage.templateNote')}
            </>
          }
        />
      ) : null}
      <Card size="small" className="section-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'category',
              label: t('contests.category'),
              children: <Tag color="blue">{data.category}</Tag>,
            },
            { key: 'organizer', label: t('contests.organizer'), children: data.organizer.name },
            ...(data.templateId
              ? [
                  {
                    key: 'template',
                    label: t('linkage.fromTemplate'),
                    children: (
                      <Link className="template-link" to={`/contests/${data.templateId}`}>
                        {template.data?.title ?? t('linkage.templateTag')}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'cadence',
              label: t('contests.cadence'),
              children: t(`contests.cadences.${data.cadence}`),
            },
            {
              key: 'participants',
              label: t('contests.participants'),
              children: t('contests.participantCount', { count: data.participants.length }),
            },
            ...(leads.length
              ? [
                  {
                    key: 'leads',
                    label: t('contests.leads'),
                    span: { xs: 1, sm: 2, lg: 4 },
                    children: (
                      <span className="lead-list">
                        {leads.map(([code, unit]) => (
                          <span key={code}>
                            <Tag>{code}</Tag>
                            {unit.name}
                          </span>
                        ))}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" className="section-card">
        <Tabs
          defaultActiveKey={seesLinkage ? 'linkage' : 'rounds'}
          items={[
            {
              key: 'rounds',
              label: t('contests.roundsTab', { count: data.rounds.length }),
              children: <RoundsSection contest={data} />,
            },
            {
              key: 'rubric',
              label: t('contests.rubricTab'),
              children: <RubricSection contest={data} />,
            },
            {
              key: 'participants',
              label: t('contests.participantsTab', { count: data.participants.length }),
              children: <ParticipantsSection contest={data} />,
            },
            ...(seesLinkage
              ? [
                  {
                    key: 'linkage',
                    label: t('linkage.tab'),
                    children: (
                      <Suspense fallback={<Skeleton active />}>
                        <LinkageSection contest={data} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
            ...(mayManage
              ? [
                  {
                    key: 'practices',
                    label: t('practices.tab'),
                    children: (
                      <Suspense fallback={<Skeleton active />}>
                        <PracticesSection contest={data} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {opening ? (
        <OpenRoundModal
          contest={data}
          onClose={() => setOpening(false)}
          onOpened={(round) => navigate(`/rounds/${round.id}`)}
        />
      ) : null}
    </>
  );
}
