import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Modal,
  Progress,
  Skeleton,
  Space,
  type TableColumnType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { problemsOf, problemText } from '../../api/error-message.ts';
import {
  downloadMonthWorkbook,
  getMyMonth,
  importMonthWorkbook,
  type MonthAdvance,
  type MonthAppeal,
  type MonthFill,
  type MonthImportSummary,
  type MonthRectification,
} from '../../api/month.ts';
import { IMPORT_MAX_BYTES, type SheetProblem } from '../../api/sheets.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { daysUntil, formatDate, formatDateTime } from '../../lib/format.ts';

type Column<T> = TableColumnType<T> & { key: string };

type Outcome =
  | { kind: 'saved'; summary: MonthImportSummary; filename: string }
  | { kind: 'refused'; problems: SheetProblem[]; filename: string }
  | { kind: 'failed'; message: string; filename: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The deadline, days left or past, and an 已逾期 tag when the server says so. */
function Deadline({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const days = daysUntil(deadline);
  if (days === undefined) return <span className="muted">{t('month.noDeadline')}</span>;
  return (
    <span className="month-deadline">
      {formatDate(deadline)}{' '}
      {overdue ? (
        <Tag color="error">{t('month.overdue')}</Tag>
      ) : (
        <span className={days < 0 ? 'deadline-past' : days <= 3 ? 'deadline-near' : 'muted'}>
          {days < 0 ? t('rounds.overdue', { days: -days }) : t('rounds.daysLeft', { days })}
        </span>
      )}
    </span>
  );
}

/** The row's action: opens the page where the item is done. */
function Go({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button size="small" type="primary" onClick={() => navigate(to)}>
      {children}
    </Button>
  );
}

function Section<T extends object>({
  title,
  count,
  columns,
  rows,
  rowKey,
  cardTitle,
  cardExtra,
  empty,
}: {
  title: string;
  count: number;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  cardTitle: string;
  cardExtra: string;
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="section-card month-section"
      title={title}
      extra={t('common.countItems', { count })}
    >
      <ResponsiveTable<T>
        size="small"
        rowKey={rowKey}
        cardTitle={cardTitle}
        cardExtra={cardExtra}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      />
    </Card>
  );
}

function fillColumns(t: TFunction, task: 'report' | 'score'): Column<MonthFill>[] {
  return [
    {
      key: 'contest',
      title: t('month.contest'),
      render: (_: unknown, f) => (
        <span>
          <Link to={`/rounds/${f.round.id}`}>
            {f.contest.title} · {f.round.periodLabel}
          </Link>
          {f.round.carriedOver ? (
            <Tag className="month-carried" color="orange">
              {t('month.carriedOver')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...(task === 'score'
      ? [
          {
            key: 'indicators',
            title: t('month.indicators'),
            width: 150,
            render: (_: unknown, f: MonthFill) => f.indicators.join('、'),
          },
          {
            key: 'units',
            title: t('month.units'),
            width: 70,
            align: 'right' as const,
            render: (_: unknown, f: MonthFill) => f.units,
          },
        ]
      : []),
    {
      key: 'progress',
      title: t('month.progress'),
      width: 170,
      render: (_: unknown, f) => (
        <div className="month-progress">
          <span>{t('month.filledOf', { filled: f.filled, cells: f.cells })}</span>
          <Progress
            size="small"
            showInfo={false}
            percent={f.cells ? Math.round((f.filled / f.cells) * 100) : 0}
            status={f.cells && f.filled >= f.cells ? 'success' : 'normal'}
          />
        </div>
      ),
    },
    {
      key: 'deadline',
      title: t('month.deadline'),
      width: 190,
      render: (_: unknown, f) => <Deadline deadline={f.round.deadline} overdue={f.round.overdue} />,
    },
    {
      key: 'go',
      title: t('month.action'),
      width: 90,
      render: (_: unknown, f) => (
        <Go to={`/rounds/${f.round.id}`}>
          {task === 'report' ? t('month.goFill') : t('month.goScore')}
        </Go>
      ),
    },
  ];
}

/** Every refused cell: a table on a wide screen, cards on a phone (ResponsiveTable). */
function ProblemList({ problems }: { problems: SheetProblem[] }) {
  const { t, i18n } = useTranslation();
  const rows = problems.map((p, key) => ({ ...p, key }));
  const columns: Column<SheetProblem & { key: number }>[] = [
    {
      key: 'where',
      title: t('month.result.location'),
      width: 200,
      render: (_: unknown, p) => (
        <span className="problem-where">
          {p.sheet ? `${t('month.result.sheet')}「${p.sheet}」` : t('month.result.wholeFile')}
          {p.cell ? ` ${p.cell}` : p.row === 0 && p.sheet ? ` ${t('month.result.wholeSheet')}` : ''}
        </span>
      ),
    },
    {
      key: 'column',
      title: t('month.result.cell'),
      width: 140,
      render: (_: unknown, p) =>
        p.row === 0 ? '—' : `${t('sheets.report.row')} ${p.row}${p.column ? ` · ${p.column}` : ''}`,
    },
    {
      key: 'value',
      title: t('month.result.value'),
      width: 120,
      render: (_: unknown, p) => (p.value === '' ? '—' : <code>{p.value}</code>),
    },
    {
      key: 'message',
      title: t('month.result.problem'),
      render: (_: unknown, p) => problemText(p, t, i18n.language),
    },
  ];
  return (
    <ResponsiveTable
      className="import-report"
      size="small"
      bordered
      rowKey={(p) => p.key}
      cardTitle="where"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 640 }}
    />
  );
}

function SavedSheets({ summary }: { summary: MonthImportSummary }) {
  const { t } = useTranslation();
  const columns: Column<MonthImportSummary['sheets'][number]>[] = [
    { key: 'sheet', title: t('month.result.sheet'), dataIndex: 'sheet' },
    { key: 'contest', title: t('month.contest'), dataIndex: 'contest' },
    { key: 'rows', title: t('month.result.rows'), dataIndex: 'rows', width: 70, align: 'right' },
    {
      key: 'written',
      title: t('month.result.written'),
      dataIndex: 'written',
      width: 70,
      align: 'right',
    },
    {
      key: 'unchanged',
      title: t('month.result.unchanged'),
      dataIndex: 'unchanged',
      width: 70,
      align: 'right',
    },
    {
      key: 'cleared',
      title: t('month.result.cleared'),
      dataIndex: 'cleared',
      width: 70,
      align: 'right',
    },
  ];
  return (
    <ResponsiveTable
      className="month-saved"
      size="small"
      rowKey={(s) => s.sheet}
      cardTitle="sheet"
      columns={columns}
      // The sheets that changed something; an unchanged import says so above.
      dataSource={summary.sheets.filter((sheet) => sheet.written + sheet.cleared > 0)}
      pagination={false}
    />
  );
}

function ImportDialog({ outcome, onClose }: { outcome: Outcome | null; onClose: () => void }) {
  const { t } = useTranslation();
  let title = '';
  let body: ReactNode = null;
  if (outcome?.kind === 'saved') {
    const changed = outcome.summary.sheets.reduce((n, x) => n + x.written + x.cleared, 0);
    title = t('month.result.savedTitle');
    body = (
      <>
        <Alert
          type="success"
          showIcon
          title={
            changed > 0
              ? t('month.result.saved', {
                  file: outcome.filename,
                  written: outcome.summary.written,
                })
              : t('month.result.noChange', { file: outcome.filename })
          }
        />
        {changed > 0 ? <SavedSheets summary={outcome.summary} /> : null}
      </>
    );
  } else if (outcome?.kind === 'refused') {
    title = t('month.result.refusedTitle');
    body = (
      <>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('month.result.refused', {
            file: outcome.filename,
            count: outcome.problems.length,
          })}
        />
        <ProblemList problems={outcome.problems} />
      </>
    );
  } else if (outcome?.kind === 'failed') {
    title = t('month.result.failedTitle');
    body = <Alert type="error" showIcon role="alert" title={outcome.message} />;
  }
  return (
    <Modal
      open={outcome !== null}
      title={title}
      onCancel={onClose}
      width={900}
      className="month-import-dialog"
      footer={
        <Button type="primary" onClick={onClose}>
          {t('month.result.close')}
        </Button>
      }
    >
      <div className="month-import-body">{body}</div>
    </Modal>
  );
}

/** 我的本月: everything the signed-in user must do this month, and the combined workbook. */
export default function MyMonthPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = asked && MONTH.test(asked) ? asked : undefined;
  const month = useRequest(`me:month:${period ?? ''}`, (signal) => getMyMonth(period, signal));
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'download' | 'upload' | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = period ?? month.data?.period;

  const download = async () => {
    setBusy('download');
    setDownloadError(null);
    try {
      await downloadMonthWorkbook(shown);
    } catch (caught) {
      setDownloadError(describe(caught));
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    const filename = file.name;
    if (!/\.xlsx$/i.test(filename)) {
      setOutcome({ kind: 'failed', message: t('month.wrongKind'), filename });
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setOutcome({ kind: 'failed', message: t('month.tooLarge'), filename });
      return;
    }
    setBusy('upload');
    try {
      const summary = await importMonthWorkbook(file);
      setOutcome({ kind: 'saved', summary, filename });
      month.reload();
    } catch (caught) {
      const problems = problemsOf<SheetProblem>(caught);
      if (caught instanceof ApiError && problems.length > 0) {
        setOutcome({ kind: 'refused', problems, filename });
      } else {
        setOutcome({ kind: 'failed', message: describe(caught), filename });
      }
    } finally {
      setBusy(null);
    }
  };

  const data = month.data;
  const reports = data?.fill.filter((f) => f.task === 'report') ?? [];
  const scores = data?.fill.filter((f) => f.task === 'score') ?? [];

  const appealColumns: Column<MonthAppeal>[] = [
    {
      key: 'contest',
      title: t('month.contest'),
      render: (_: unknown, a) => (
        <Link to={`/rounds/${a.round.id}`}>
          {a.contest.title} · {a.round.periodLabel}
        </Link>
      ),
    },
    { key: 'unit', title: t('month.unit'), width: 140, render: (_: unknown, a) => a.unit.name },
    { key: 'indicator', title: t('month.indicator'), width: 90, dataIndex: 'indicator' },
    {
      key: 'reason',
      title: t('month.reason'),
      render: (_: unknown, a) => <span className="month-reason">{a.reason}</span>,
    },
    {
      key: 'filedAt',
      title: t('month.filedAt'),
      width: 150,
      render: (_: unknown, a) => formatDateTime(a.filedAt),
    },
    {
      key: 'go',
      title: t('month.action'),
      width: 90,
      render: (_: unknown, a) => <Go to={`/rounds/${a.round.id}`}>{t('month.goAppeals')}</Go>,
    },
  ];

  const rectColumns: Column<MonthRectification>[] = [
    {
      key: 'unit',
      title: t('month.unit'),
      render: (_: unknown, r) => `${r.unit.name} · ${r.contest.title} · ${r.periodLabel}`,
    },
    {
      key: 'task',
      title: t('month.rectTask'),
      width: 110,
      render: (_: unknown, r) => (
        <Tag color={r.task === 'submit' ? 'blue' : 'purple'}>{t(`month.rectTasks.${r.task}`)}</Tag>
      ),
    },
    { key: 'state', title: t('month.state'), width: 100, dataIndex: 'stateName' },
    {
      key: 'deadline',
      title: t('month.deadline'),
      width: 190,
      render: (_: unknown, r) => <Deadline deadline={r.deadline} overdue={r.overdue} />,
    },
    {
      key: 'go',
      title: t('month.action'),
      width: 90,
      render: () => <Go to={'/rectifications'}>{t('month.goRectify')}</Go>,
    },
  ];

  const advanceColumns: Column<MonthAdvance>[] = [
    {
      key: 'contest',
      title: t('month.contest'),
      render: (_: unknown, a) => (
        <Link to={`/rounds/${a.round.id}`}>
          {a.contest.title} · {a.round.periodLabel}
        </Link>
      ),
    },
    {
      key: 'state',
      title: t('month.state'),
      width: 100,
      render: (_: unknown, a) => a.round.stateName,
    },
    {
      key: 'deadline',
      title: t('month.deadline'),
      width: 190,
      render: (_: unknown, a) => (
        <Deadline
          deadline={a.round.deadline}
          overdue={a.round.state === 'collecting' && (daysUntil(a.round.deadline) ?? 0) < 0}
        />
      ),
    },
    {
      key: 'go',
      title: t('month.action'),
      width: 90,
      render: (_: unknown, a) => <Go to={`/rounds/${a.round.id}`}>{t('month.goAdvance')}</Go>,
    },
  ];

  return (
    <>
      <PageHeader title={t('month.title')} subtitle={t('month.subtitle')} />
      <Card size="small" className="section-card month-toolbar">
        <Space wrap align="center">
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('month.pick')}
            value={shown ? dayjs(`${shown}-01`) : null}
            onChange={(d) => {
              if (d) setParams({ period: d.format('YYYY-MM') }, { replace: true });
            }}
          />
          {data ? (
            <strong className="month-label">
              {data.periodLabel} · {t('month.open', { count: data.open })}
            </strong>
          ) : null}
        </Space>
        <Space wrap className="month-actions">
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'download'}
            onClick={() => void download()}
          >
            {t('month.download')}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={busy === 'upload'}
            onClick={() => input.current?.click()}
          >
            {t('month.upload')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            hidden
            aria-label={t('month.chooseFile')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
        </Space>
        <p className="muted small month-hint">{t('month.uploadHint')}</p>
        {downloadError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            closable
            onClose={() => setDownloadError(null)}
            title={downloadError}
          />
        ) : null}
      </Card>
      {month.error !== undefined ? (
        <RequestError error={month.error} onRetry={month.reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Section<MonthFill>
            title={t('month.groups.report')}
            count={reports.length}
            columns={fillColumns(t, 'report')}
            rows={reports}
            rowKey={(f) => `report:${f.round.id}`}
            cardTitle="contest"
            cardExtra="go"
            empty={t('month.empty.report')}
          />
          <Section<MonthFill>
            title={t('month.groups.score')}
            count={scores.length}
            columns={fillColumns(t, 'score')}
            rows={scores}
            rowKey={(f) => `score:${f.round.id}`}
            cardTitle="contest"
            cardExtra="go"
            empty={t('month.empty.score')}
          />
          <Section<MonthAppeal>
            title={t('month.groups.appeals')}
            count={data.appeals.length}
            columns={appealColumns}
            rows={data.appeals}
            rowKey={(a) => a.id}
            cardTitle="contest"
            cardExtra="go"
            empty={t('month.empty.appeals')}
          />
          <Section<MonthRectification>
            title={t('month.groups.rectifications')}
            count={data.rectifications.length}
            columns={rectColumns}
            rows={data.rectifications}
            rowKey={(r) => `${r.task}:${r.id}`}
            cardTitle="unit"
            cardExtra="go"
            empty={t('month.empty.rectifications')}
          />
          <Section<MonthAdvance>
            title={t('month.groups.advance')}
            count={data.advance.length}
            columns={advanceColumns}
            rows={data.advance}
            rowKey={(a) => a.round.id}
            cardTitle="contest"
            cardExtra="go"
            empty={t('month.empty.advance')}
          />
        </>
      )}
      <ImportDialog outcome={outcome} onClose={() => setOutcome(null)} />
    </>
  );
}
