import { BarChartOutlined, CalendarOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  message,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Steps,
  Tabs,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { getContest, ROUND_STATES, type RoundState } from '../../api/contests.ts';
import { isNotFound } from '../../api/error-message.ts';
import {
  type Entries,
  getAppeals,
  getEntries,
  getRound,
  transitionRound,
} from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { useLeadIndicators, useMayManage } from '../../app/permissions.ts';
import { hasRole, useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { daysUntil, formatDate, formatDateTime } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { RubricView } from '../rubrics/rubric-view.tsx';
import { SheetImport } from '../sheets/sheet-import.tsx';
import { AppealsPanel } from './appeals-panel.tsx';
import { completenessOf } from './completeness.ts';
import { CompletenessPanel } from './completeness-panel.tsx';
import { EntriesSection } from './entries-section.tsx';

const HAS_RESULTS: RoundState[] = ['reviewing', 'notice', 'published'];
// The template and the import serve while values may still change.
const TAKES_SHEETS: RoundState[] = ['collecting', 'reviewing'];

function Transitions({
  roundId,
  state,
  next,
  notes,
  onDone,
}: {
  roundId: number;
  state: RoundState;
  next: RoundState[];
  /** A line added to a move's confirmation (the count of units that have not reported). */
  notes?: Partial<Record<RoundState, string>>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState<RoundState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const order = (s: RoundState) => ROUND_STATES.indexOf(s);
  const move = async (to: RoundState) => {
    setBusy(to);
    setError(null);
    try {
      await transitionRound(roundId, to);
      onDone();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(null);
    }
  };
  if (next.length === 0) return null;
  return (
    <div className="round-transitions">
      <Space wrap>
        {next.map((to) => {
          const forward = order(to) > order(state);
          return (
            <Popconfirm
              key={to}
              title={t(forward ? 'rounds.moveTo' : 'rounds.moveBack', {
                state: t(`rounds.states.${to}`),
              })}
              description={
                <div className="confirm-text">
                  {t(`rounds.confirm.${to}`)}
                  {notes?.[to] ? (
                    <div className="confirm-note" role="note">
                      {notes[to]}
                    </div>
                  ) : null}
                </div>
              }
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void move(to)}
            >
              <Button
                type={forward ? 'primary' : 'default'}
                danger={!forward}
                loading={busy === to}
              >
                {t(forward ? `rounds.actions.${to}` : 'rounds.backTo', {
                  state: t(`rounds.states.${to}`),
                })}
              </Button>
            </Popconfirm>
          );
        })}
      </Space>
      {error ? (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />
      ) : null}
    </div>
  );
}

/** One round (期): its state and timeline, moving it on, entering data, appeals, its rubric. */
export default function RoundPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { session } = useSession();
  const [toast, toastHolder] = message.useMessage();
  const round = useRequest(`round:${id}`, (signal) => getRound(id, signal));
  const contestId = round.data?.contest.id;
  const contest = useRequest(contestId ? `contest:${contestId}` : null, (signal) =>
    getContest(contestId!, signal),
  );
  const entriesRequest = useRequest(
    round.data ? `entries:${id}:${round.data.state}` : null,
    (signal) => getEntries(Number(id), signal),
  );
  const [entries, setEntries] = useState<Entries | undefined>();
  useEffect(() => setEntries(entriesRequest.data), [entriesRequest.data]);
  const appeals = useRequest(round.data ? `appeals:${id}:${round.data.state}` : null, (signal) =>
    getAppeals(Number(id), signal),
  );
  const mayManage = useMayManage(contest.data?.organizer.code);
  const codes = useMemo(() => round.data?.rubric.indicators.map((i) => i.code) ?? [], [round.data]);
  const leads = useLeadIndicators(codes, contest.data?.evaluators, contest.data?.organizer.id);
  const ownUnit =
    hasRole(session, 'reporter') &&
    contest.data?.participants.some((p) => p.code === session?.unit.code)
      ? session?.unit.code
      : undefined;

  if (round.error !== undefined) {
    return isNotFound(round.error) ? (
      <Result
        status="404"
        title={t('rounds.notFound')}
        extra={<Button onClick={() => navigate('/contests')}>{t('contests.backToList')}</Button>}
      />
    ) : (
      <RequestError error={round.error} onRetry={round.reload} />
    );
  }
  if (contest.error !== undefined)
    return <RequestError error={contest.error} onRetry={contest.reload} />;
  const r = round.data;
  const c = contest.data;
  if (!r || !c) return <Skeleton active paragraph={{ rows: 12 }} />;

  const stateIndex = ROUND_STATES.indexOf(r.state);
  const days = r.state === 'collecting' ? daysUntil(r.deadline) : undefined;
  const pendingAppeals = (appeals.data?.items ?? []).filter((a) => a.status === 'pending').length;
  const mayVerify = (indicator: string) => mayManage || leads.has(indicator);
  const editable = entries?.editable;
  // Whoever runs the round sees what is still missing while values may change.
  const completeness =
    mayManage && entries && TAKES_SHEETS.includes(r.state)
      ? completenessOf(r.rubric, c.participants, entries)
      : undefined;
  const fillsCells =
    !!editable &&
    editable.indicators.length > 0 &&
    (editable.units === 'all' || editable.units.length > 0);

  return (
    <>
      {toastHolder}
      <nav className="page-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <Link to="/contests">{t('contests.title')}</Link> ›{' '}
        <Link to={`/contests/${c.id}`}>{c.title}</Link>
      </nav>
      <div className="page-title-row">
        <PageHeader
          title={`${c.title} · ${periodText(r.period, i18n.language)}`}
          subtitle={t('rounds.subtitle', { category: c.category, version: r.rubricVersion })}
        />
        <Space wrap>
          <RoundStateTag state={r.state} />
          {r.state === 'published' && mayManage ? (
            <Button onClick={() => navigate(`/rounds/${r.id}/correct`)}>
              {t('corrections.open')}
            </Button>
          ) : null}
          {HAS_RESULTS.includes(r.state) ? (
            <Button icon={<BarChartOutlined />} onClick={() => navigate(`/rounds/${r.id}/results`)}>
              {t('rounds.viewResults')}
            </Button>
          ) : null}
        </Space>
      </div>
      <Card size="small" className="section-card">
        <Steps
          className="round-steps"
          size="small"
          current={stateIndex}
          status={r.state === 'published' ? 'finish' : 'process'}
          items={ROUND_STATES.map((state) => ({
            title: t(`rounds.steps.${state}`),
            content: t(`rounds.stepHints.${state}`),
          }))}
          responsive
        />
        <div className="round-facts">
          <span>
            <CalendarOutlined /> {t('contests.deadline')}：{formatDate(r.deadline)}
            {days !== undefined ? (
              <span className={days < 0 ? 'deadline-past' : days <= 3 ? 'deadline-near' : 'muted'}>
                {' '}
                {days < 0 ? t('rounds.overdue', { days: -days }) : t('rounds.daysLeft', { days })}
              </span>
            ) : null}
          </span>
          {r.publishedAt ? (
            <span>
              {t('rounds.publishedAt')}：{formatDateTime(r.publishedAt)}
            </span>
          ) : null}
          {r.revision > 0 ? <span>{t('results.corrected', { n: r.revision })}</span> : null}
        </div>
        {mayManage ? (
          <Transitions
            roundId={r.id}
            state={r.state}
            next={r.nextStates}
            notes={
              completeness
                ? {
                    reviewing: t('completeness.summary', {
                      total: completeness.total,
                      count: completeness.incomplete,
                    }),
                  }
                : undefined
            }
            onDone={() => {
              void toast.success(t('rounds.moved'));
              round.reload();
              contest.reload();
            }}
          />
        ) : null}
      </Card>
      <Card size="small" className="section-card">
        <Tabs
          defaultActiveKey={r.state === 'notice' ? 'appeals' : 'entries'}
          items={[
            {
              key: 'entries',
              label: t('rounds.tabs.entries'),
              children:
                entriesRequest.error !== undefined ? (
                  <RequestError error={entriesRequest.error} onRetry={entriesRequest.reload} />
                ) : !entries ? (
                  <Skeleton active />
                ) : (
                  <>
                    {completeness ? <CompletenessPanel completeness={completeness} /> : null}
                    {fillsCells && TAKES_SHEETS.includes(r.state) ? (
                      <SheetImport roundId={r.id} onImported={entriesRequest.reload} />
                    ) : null}
                    <EntriesSection
                      round={r}
                      contest={c}
                      entries={entries}
                      setEntries={setEntries}
                      mayVerify={mayVerify}
                    />
                  </>
                ),
            },
            {
              key: 'appeals',
              label: pendingAppeals
                ? t('rounds.tabs.appealsPending', { count: pendingAppeals })
                : t('rounds.tabs.appeals'),
              children:
                appeals.error !== undefined ? (
                  <RequestError error={appeals.error} onRetry={appeals.reload} />
                ) : !appeals.data ? (
                  <Skeleton active />
                ) : (
                  <AppealsPanel
                    round={r}
                    contest={c}
                    appeals={appeals.data.items}
                    ownUnit={ownUnit}
                    mayDecide={(indicator) => mayManage || leads.has(indicator)}
                    onChanged={() => {
                      appeals.reload();
                      entriesRequest.reload();
                    }}
                  />
                ),
            },
            {
              key: 'rubric',
              label: t('rounds.tabs.rubric'),
              children: (
                <RubricView rubric={r.rubric} evaluators={c.evaluators} organizer={c.organizer} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
