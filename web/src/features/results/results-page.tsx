import { FlagFilled } from '@ant-design/icons';
import { Alert, Button, Card, Result, Select, Skeleton, Space, Statistic, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  Navigate,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { getContest } from '../../api/contests.ts';
import { isNotFound } from '../../api/error-message.ts';
import { getResults, getRevisions, getRound, type UnitResult } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { loginPath } from '../../app/require-auth.tsx';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { ResultsDownloads } from '../sheets/sheet-import.tsx';
import { ResultsCharts } from './results-charts.tsx';
import { ResultsTable } from './results-table.tsx';

const ALL = '__all__';

/** 成绩排名: a round's ranking with flags, movement, gaps, per-indicator ranks and charts. */
export default function ResultsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { session, status } = useSession();
  const revisionParam = params.get('revision');
  const revision =
    revisionParam !== null && /^\d+$/.test(revisionParam) ? Number(revisionParam) : undefined;

  const round = useRequest(status === 'loading' ? null : `round:${id}`, (signal) =>
    getRound(id, signal),
  );
  const contestId = round.data?.contest.id;
  const contest = useRequest(contestId ? `contest:${contestId}` : null, (signal) =>
    getContest(contestId!, signal),
  );
  const results = useRequest(
    round.data ? `results:${id}:${revision ?? ''}:${round.data.revision}` : null,
    (signal) => getResults(id, revision, signal),
  );
  const revisions = useRequest(
    round.data?.state === 'published' ? `revisions:${id}:${round.data.revision}` : null,
    (signal) => getRevisions(Number(id), signal),
  );

  const groups = contest.data?.groups ?? [];
  const items = results.data?.items ?? [];
  const counts = useMemo(
    () => ({
      red: items.filter((i) => i.flag === 'red').length,
      yellow: items.filter((i) => i.flag === 'yellow').length,
      average: items.length ? items.reduce((s, i) => s + i.total, 0) / items.length : 0,
    }),
    [items],
  );

  const error = round.error ?? contest.error ?? results.error;
  if (error !== undefined) {
    if (error instanceof ApiError && error.status === 401 && !session) {
      return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
    }
    if (isNotFound(round.error)) {
      return (
        <Result
          status="404"
          title={t('rounds.notFound')}
          extra={<Button onClick={() => navigate('/contests')}>{t('contests.backToList')}</Button>}
        />
      );
    }
    if (error instanceof ApiError && error.code === 'NO_RESULTS') {
      return (
        <Result
          status="info"
          title={t('results.noResultsYet')}
          extra={
            <Button onClick={() => navigate(`/rounds/${id}`)}>{t('results.backToRound')}</Button>
          }
        />
      );
    }
    return (
      <RequestError
        error={error}
        onRetry={() => {
          round.reload();
          contest.reload();
          results.reload();
        }}
      />
    );
  }
  const r = round.data;
  const c = contest.data;
  if (!r || !c || !results.data) return <Skeleton active paragraph={{ rows: 14 }} />;

  const precision = r.rubric.precision;
  const shownIndicators = r.rubric.indicators;
  const ownCode = c.participants.some((p) => p.code === session?.unit.code)
    ? session?.unit.code
    : undefined;
  const revisionItems = revisions.data?.items ?? [];
  const currentRevision = results.data.revision;
  const reason = revisionItems.find((x) => x.revision === currentRevision)?.reason;

  const table = (subset: UnitResult[], overall: boolean) => (
    <ResultsTable
      items={subset}
      indicators={shownIndicators}
      precision={precision}
      grouped={groups.length > 0 && overall}
      overall={overall}
    />
  );

  return (
    <>
      <nav className="page-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <Link to="/contests">{t('contests.title')}</Link> ›{' '}
        <Link to={`/contests/${c.id}`}>{c.title}</Link>
        {session ? (
          <>
            {' '}
            › <Link to={`/rounds/${r.id}`}>{periodText(r.period, i18n.language)}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-title-row">
        <PageHeader
          title={t('results.title', {
            contest: c.title,
            period: periodText(r.period, i18n.language),
          })}
          subtitle={t('results.subtitle', { count: items.length })}
        />
        <Space wrap>
          <RoundStateTag state={r.state} />
          {revisionItems.length > 1 ? (
            <Select
              aria-label={t('results.revision')}
              value={currentRevision}
              onChange={(value: number) =>
                setParams(value === r.revision ? {} : { revision: String(value) }, {
                  replace: true,
                })
              }
              style={{ minWidth: 260 }}
              options={revisionItems.map((x) => ({
                value: x.revision,
                label:
                  x.revision === 0
                    ? t('results.firstPublication', { date: formatDateTime(x.publishedAt) })
                    : t('results.correctionN', {
                        n: x.revision,
                        date: formatDateTime(x.publishedAt),
                      }),
              }))}
            />
          ) : null}
        </Space>
      </div>
      {session ? (
        <ResultsDownloads
          roundId={r.id}
          revision={currentRevision < r.revision ? currentRevision : undefined}
          bulletin={
            r.state === 'published'
              ? 'final'
              : r.state === 'notice' && r.may?.manage
                ? 'draft'
                : null
          }
        />
      ) : null}
      {r.state !== 'published' ? (
        <Alert
          type="warning"
          showIcon
          title={t(`results.notFinal.${r.state}`)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {currentRevision > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('results.correctedTitle', { n: currentRevision })}
          description={reason ? t('results.correctionReason', { reason }) : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {currentRevision < r.revision ? (
        <Alert
          type="warning"
          showIcon
          title={t('results.oldRevision')}
          action={
            <Button size="small" onClick={() => setParams({}, { replace: true })}>
              {t('results.latestRevision')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <div className="stat-row">
        <Card size="small">
          <Statistic title={t('results.units')} value={items.length} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('results.redCount')}
            value={counts.red}
            prefix={<FlagFilled style={{ color: '#cf1322' }} />}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t('results.yellowCount')}
            value={counts.yellow}
            prefix={<FlagFilled style={{ color: '#d4a106' }} />}
          />
        </Card>
        <Card size="small">
          <Statistic title={t('results.average')} value={counts.average} precision={precision} />
        </Card>
      </div>
      <Card size="small" className="section-card">
        {groups.length > 0 ? (
          <Tabs
            items={[
              ...groups.map((group) => ({
                key: group,
                label: t('results.groupTab', {
                  group,
                  count: items.filter((i) => i.group === group).length,
                }),
                children: table(
                  items.filter((i) => i.group === group),
                  false,
                ),
              })),
              { key: ALL, label: t('results.allGroups'), children: table(items, true) },
            ]}
          />
        ) : (
          table(items, false)
        )}
        <p className="muted small results-legend">{t('results.legend')}</p>
      </Card>
      {items.length ? (
        <ResultsCharts
          rubric={r.rubric}
          items={items}
          contest={c}
          upTo={r.period}
          initialUnit={ownCode}
        />
      ) : null}
    </>
  );
}
