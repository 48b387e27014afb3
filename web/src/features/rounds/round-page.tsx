import { BarChartOutlined, CalendarOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Input,
  message,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Steps,
  Tabs,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { acceptsEntries, hasResults } from '../../../../src/core/round-state.ts';
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

function Transitions({
  roundId,
  state,
  next,
  notes,
  noticeEndsAt,
  onDone,
}: {
  roundId: number;
  state: RoundState;
  next: RoundState[];
  /** While the notice (公示) runs, publishing needs a reason. */
  noticeEndsAt?: string | null;
  /** A line added to a move's confirmation (the count of units that have not reported). */
  notes?: Partial<Record<RoundState, string>>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState<RoundState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const order = (s: RoundState) => ROUND_STATES.indexOf(s);
  const early = state === 'notice' && noticeEndsAt != null && Date.parse(noticeEndsAt) > Date.now();
  const move = async (to: RoundState) => {
    setBusy(to);
    setError(null);
    try {
      await transitionRound(roundId, to, to === 'published' && early ? reason : undefined);
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
                  {to === 'published' && early ? (
                    <div className="confirm-note">
                      {t('rounds.earlyPublish', { end: new Date(noticeEndsAt!).toLocaleString() })}
                      <Input.TextArea
                        aria-label={t('rounds.earlyReason')}
                        placeholder={t('rounds.earlyReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                        autoSize={{ minRows: 2 }}
                        style={{ marginTop: 6 }}
                      />
                    </div>
                  ) : null}
                </div>
              }
              okButtonProps={{
                disabled: to === 'published' && early && reason.trim().length < 2,
              }}
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
  // What the reader may do comes from the server (`may`, src/app/policies/round.ts).
  const may = r.may;
  const mayVerify = (indicator: string) => may.verify.includes(indicator);
  // Whoever runs the round sees what is still missing while values may change.
  const completeness =
    may.manage && entries && acceptsEntries(r.state)
      ? completenessOf(r.rubric, c.participants, entries)
      : undefined;

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
          {may.correct ? (
            <Button onClick={() => navigate(`/rounds/${r.id}/correct`)}>
              {t('corrections.open')}
            </Button>
          ) : null}
          {hasResults(r.state) ? (
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
        {may.transition.length ? (
          <Transitions
            roundId={r.id}
            state={r.state}
            next={may.transition}
            noticeEndsAt={r.notice?.endsAt}
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
                    {may.importSheet ? (
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
                    ownUnit={may.reportsFor ?? undefined}
                    mayDecide={(indicator) => may.decideAppeals.includes(indicator)}
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
