import { DownloadOutlined, FlagFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Input,
  Modal,
  message,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { RoundState } from '../../api/contests.ts';
import {
  type BulkLine,
  type BulkOutcome,
  type BulkStep,
  downloadSeriesBulletin,
  downloadSeriesWorkbook,
  getSeries,
  runBulkStep,
  type SeriesContest,
  type SeriesDetail,
  type SeriesTallies,
  type SeriesUnitTally,
} from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { RoundStateTag } from '../../components/round-state-tag.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { periodOf, periodText } from '../../lib/period.ts';

/** The months offered: two years back to next month, newest first. */
function monthOptions(language: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + 1);
  for (let k = 0; k < 26; k += 1) {
    const p = periodOf('month', d);
    out.push({ value: p, label: periodText(p, language) });
    d.setMonth(d.getMonth() - 1);
  }
  return out;
}

function TallyCard({ title, tally }: { title: string; tally: SeriesTallies | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="section-card series-tally" title={title}>
      {!tally ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <>
          <div className="flag-count-row">
            <div className="flag-count red" data-testid="tally-red-units">
              <FlagFilled />
              <strong>{tally.redUnits}</strong>
              <span className="series-tally-label">
                {t('series.redUnits')}
                <small>{t('series.flagsN', { count: tally.red })}</small>
              </span>
            </div>
            <div className="flag-count yellow" data-testid="tally-yellow-units">
              <FlagFilled />
              <strong>{tally.yellowUnits}</strong>
              <span className="series-tally-label">
                {t('series.yellowUnits')}
                <small>{t('series.flagsN', { count: tally.yellow })}</small>
              </span>
            </div>
          </div>
          <UnitFlags units={tally.units} />
        </>
      )}
    </Card>
  );
}

function UnitFlags({ units }: { units: SeriesUnitTally[] }) {
  const { t } = useTranslation();
  const red = units.filter((u) => u.red > 0);
  const yellow = units.filter((u) => u.yellow > 0);
  if (!red.length && !yellow.length) return <p className="muted">{t('series.noFlags')}</p>;
  const names = (list: SeriesUnitTally[], color: 'red' | 'yellow') =>
    list.map((u) => (
      <Tag
        key={u.unit.id}
        className={`series-unit-flag ${color}`}
        color={color === 'red' ? '#cf1322' : '#d4a106'}
        title={u.contests
          .filter((c) => c.color === color)
          .map((c) => c.title)
          .join('\n')}
      >
        {u.unit.name}
        {u[color] > 1 ? ` ×${u[color]}` : ''}
      </Tag>
    ));
  return (
    <div className="series-unit-flags">
      {red.length ? (
        <div>
          <span className="muted">{t('flags.red')}：</span>
          {names(red, 'red')}
        </div>
      ) : null}
      {yellow.length ? (
        <div>
          <span className="muted">{t('flags.yellow')}：</span>
          {names(yellow, 'yellow')}
        </div>
      ) : null}
    </div>
  );
}

type StepKey = 'open' | 'reviewing' | 'notice' | 'published';
const STEPS: StepKey[] = ['open', 'reviewing', 'notice', 'published'];

function stepOf(key: StepKey, period: string, extra: { deadline?: string; reason?: string }) {
  const step: BulkStep =
    key === 'open'
      ? { kind: 'open', period, ...(extra.deadline ? { deadline: extra.deadline } : {}) }
      : {
          kind: 'transition',
          period,
          to: key as RoundState,
          ...(extra.reason ? { reason: extra.reason } : {}),
        };
  return step;
}

const ACTION_COLOR = { open: 'blue', move: 'green', skip: 'default', refused: 'red' } as const;

function PreviewTable({ lines }: { lines: BulkLine[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BulkLine> = [
    { key: 'contest', title: t('workbench.contest'), render: (_: unknown, l) => l.contest.title },
    {
      key: 'change',
      title: t('series.change'),
      width: 200,
      render: (_: unknown, l) =>
        l.action === 'open' ? (
          <span>
            {t('series.notOpened')} → {l.to ? <RoundStateTag state={l.to} /> : '—'}
          </span>
        ) : l.action === 'move' && l.from && l.to ? (
          <span>
            <RoundStateTag state={l.from} /> → <RoundStateTag state={l.to} />
          </span>
        ) : l.from ? (
          <RoundStateTag state={l.from} />
        ) : (
          '—'
        ),
    },
    {
      key: 'action',
      title: t('series.outcome'),
      width: 320,
      render: (_: unknown, l) => (
        <span className={`bulk-line bulk-${l.action}`}>
          <Tag color={ACTION_COLOR[l.action]}>{t(`series.actions.${l.action}`)}</Tag>
          {l.action === 'refused' || l.action === 'skip' ? l.message : null}
          {l.flags && (l.flags.red.length || l.flags.yellow.length) ? (
            <span className="muted small">
              {' '}
              {t('series.lineFlags', {
                red: l.flags.red.join('、') || '—',
                yellow: l.flags.yellow.join('、') || '—',
              })}
            </span>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Table<BulkLine>
      className="bulk-preview"
      size="small"
      rowKey={(l) => l.contest.id}
      rowClassName={(l) => `bulk-row bulk-${l.action}`}
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 640, y: 360 }}
    />
  );
}

/** The bulk step's dialog: options, the preview of what changes, then confirm. */
function BulkModal({
  series,
  period,
  step,
  onClose,
  onDone,
}: {
  series: SeriesDetail;
  period: string;
  step: StepKey;
  onClose: () => void;
  onDone: (outcome: BulkOutcome) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const [deadline, setDeadline] = useState<string>();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<(BulkOutcome & { refused: boolean }) | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  // Publishing a round whose notice has not ended needs a reason (DESIGN §2).
  const now = new Date().toISOString();
  const early = series.contests.filter(
    (c) => c.round?.state === 'notice' && c.round.noticeEndsAt && c.round.noticeEndsAt > now,
  );
  const needsReason = step === 'published' && early.length > 0;
  const extra = { ...(deadline ? { deadline } : {}), ...(reason.trim() ? { reason } : {}) };

  const runPreview = async () => {
    setPreviewing(true);
    setError(undefined);
    try {
      setPreview(await runBulkStep(series.id, stepOf(step, period, extra), true));
    } catch (e) {
      setPreview(undefined);
      setError(errorText(e));
    } finally {
      setPreviewing(false);
    }
  };
  // The preview runs as the dialog opens: what will change is the first thing shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    void runPreview();
  }, []);
  const confirm = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const out = await runBulkStep(series.id, stepOf(step, period, extra), false);
      onDone(out);
    } catch (e) {
      setError(errorText(e));
      setRunning(false);
    }
  };
  const counts = preview
    ? {
        change: preview.lines.filter((l) => l.action === 'open' || l.action === 'move').length,
        skip: preview.lines.filter((l) => l.action === 'skip').length,
        refused: preview.lines.filter((l) => l.action === 'refused').length,
      }
    : undefined;
  const stale = preview !== undefined && needsReason && !reason.trim();
  return (
    <Modal
      open
      width={860}
      className="bulk-modal"
      title={t(`series.steps.${step}`, { period: periodText(period, 'zh-CN') })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="preview" onClick={runPreview} loading={previewing}>
          {preview ? t('series.previewAgain') : t('series.preview')}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          className="bulk-confirm"
          disabled={!preview || preview.refused || counts?.change === 0 || stale}
          loading={running}
          onClick={confirm}
        >
          {t('series.confirm', { count: counts?.change ?? 0 })}
        </Button>,
      ]}
    >
      <p className="muted">{t('series.allOrNothing')}</p>
      {step === 'open' ? (
        <Space className="bulk-option">
          <span>{t('series.deadline')}</span>
          <DatePicker
            aria-label={t('series.deadline')}
            onChange={(d) => {
              setDeadline(d ? d.format('YYYY-MM-DD') : undefined);
              setPreview(undefined);
            }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Space>
      ) : null}
      {needsReason ? (
        <div className="bulk-option">
          <Alert
            type="warning"
            showIcon
            title={t('series.earlyPublish', {
              contests: early.length,
              date: formatDate(early[0]?.round?.noticeEndsAt),
            })}
          />
          <Input.TextArea
            className="bulk-reason"
            aria-label={t('series.reason')}
            placeholder={t('series.reasonHint')}
            value={reason}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(e) => {
              setReason(e.target.value);
              setPreview(undefined);
            }}
          />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} className="bulk-option" /> : null}
      {preview && counts ? (
        <>
          <Alert
            className="bulk-summary"
            type={preview.refused ? 'error' : counts.change ? 'info' : 'warning'}
            showIcon
            title={
              preview.refused
                ? t('series.refusedSummary', { count: counts.refused })
                : t('series.previewSummary', { change: counts.change, skip: counts.skip })
            }
          />
          <PreviewTable lines={preview.lines} />
        </>
      ) : !error ? (
        <p className="muted">{t('series.previewFirst')}</p>
      ) : null}
    </Modal>
  );
}

/** 系列: this period's round of every member contest, the tallies, the 通报 and the bulk steps. */
export default function SeriesPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('period') ?? '')
    ? (params.get('period') as string)
    : periodOf('month');
  const series = useRequest(`series:${id}:${period}`, (signal) =>
    getSeries(id, { period }, signal),
  );
  const data = series.data;
  const mayManage = data?.may.manage ?? false;
  const [step, setStep] = useState<StepKey>();
  const [messageApi, holder] = message.useMessage();
  const errorText = useErrorMessage();
  const months = useMemo(() => monthOptions(i18n.language), [i18n.language]);
  const [downloading, setDownloading] = useState<string>();

  const download = async (what: 'bulletin' | 'workbook') => {
    if (!data) return;
    setDownloading(what);
    try {
      await (what === 'bulletin' ? downloadSeriesBulletin : downloadSeriesWorkbook)(
        data.id,
        period,
        data.title,
      );
    } catch (e) {
      void messageApi.error(errorText(e));
    } finally {
      setDownloading(undefined);
    }
  };

  const columns: TableColumnsType<SeriesContest> = [
    {
      key: 'contest',
      title: t('workbench.contest'),
      render: (_: unknown, c) => <Link to={`/contests/${c.id}`}>{c.title}</Link>,
    },
    {
      key: 'state',
      title: t('rounds.state'),
      width: 120,
      render: (_: unknown, c) =>
        c.round ? (
          <Link to={`/rounds/${c.round.id}`} className="series-round-state">
            <RoundStateTag state={c.round.state} />
          </Link>
        ) : (
          <span className="muted series-round-state">
            {c.runsAtPeriod === false ? t('series.notThisPeriod') : t('series.notOpened')}
          </span>
        ),
    },
    {
      key: 'deadline',
      title: t('contests.deadline'),
      width: 130,
      render: (_: unknown, c) => (c.round?.deadline ? formatDate(c.round.deadline) : '—'),
    },
    {
      key: 'notice',
      title: t('series.noticeEnds'),
      width: 170,
      render: (_: unknown, c) =>
        c.round?.noticeEndsAt ? formatDateTime(c.round.noticeEndsAt) : '—',
    },
  ];

  if (series.error !== undefined)
    return <RequestError error={series.error} onRetry={series.reload} />;
  if (!data) return <Skeleton active />;
  const states = new Map<string, number>();
  for (const c of data.contests) {
    const key = c.round ? c.round.state : 'none';
    states.set(key, (states.get(key) ?? 0) + 1);
  }
  const periodName = periodText(period, i18n.language);
  return (
    <>
      {holder}
      <PageHeader
        title={data.title}
        subtitle={t('series.itemLine', {
          organizer: data.organizer.name,
          office: data.office,
          prefix: data.docPrefix,
        })}
      />
      <div className="series-toolbar">
        <Space wrap>
          <Select
            className="series-period"
            aria-label={t('contests.period')}
            value={period}
            options={months}
            onChange={(p) => setParams({ period: p })}
            style={{ width: 140 }}
          />
          <span className="series-state-counts">
            {[...states].map(([state, count]) => (
              <span key={state} className="series-state-count">
                {state === 'none' ? (
                  <Tag>{t('series.notOpened')}</Tag>
                ) : (
                  <RoundStateTag state={state as RoundState} />
                )}
                ×{count}
              </span>
            ))}
          </span>
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            className="series-bulletin"
            loading={downloading === 'bulletin'}
            onClick={() => download('bulletin')}
          >
            {t('series.bulletin')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            className="series-workbook"
            loading={downloading === 'workbook'}
            onClick={() => download('workbook')}
          >
            {t('series.workbook')}
          </Button>
        </Space>
      </div>
      {mayManage ? (
        <Card size="small" className="section-card series-bulk" title={t('series.bulkTitle')}>
          <Space wrap>
            {STEPS.map((s) => (
              <Button
                key={s}
                className={`bulk-${s}`}
                type={s === 'published' ? 'primary' : 'default'}
                onClick={() => setStep(s)}
              >
                {t(`series.stepButtons.${s}`)}
              </Button>
            ))}
          </Space>
          <p className="muted small series-bulk-hint">{t('series.bulkHint')}</p>
        </Card>
      ) : null}
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={12}>
          <TallyCard
            title={t('series.periodTally', { period: periodName })}
            tally={data.tallies.period}
          />
        </Col>
        <Col xs={24} lg={12}>
          <TallyCard
            title={t('series.yearTally', { year: data.tallies.year?.year ?? period.slice(0, 4) })}
            tally={data.tallies.year}
          />
        </Col>
      </Row>
      <Card
        size="small"
        className="section-card"
        title={t('series.roundsTitle', { period: periodName })}
        extra={t('series.contestCount', { count: data.contests.length })}
      >
        <Table<SeriesContest>
          className="series-rounds"
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={data.contests}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        />
      </Card>
      {step ? (
        <BulkModal
          series={data}
          period={period}
          step={step}
          onClose={() => setStep(undefined)}
          onDone={(out) => {
            setStep(undefined);
            void messageApi.success(t('series.done', { count: out.changed }));
            series.reload();
          }}
        />
      ) : null}
    </>
  );
}
