import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { problemsOf, problemText } from '../../api/error-message.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportSummary,
  importSheet,
  roundFiles,
  type SheetProblem,
} from '../../api/sheets.ts';
import { useErrorMessage } from '../../components/request-error.tsx';

type Outcome =
  | { kind: 'done'; summary: ImportSummary; filename: string }
  | { kind: 'refused'; problems: SheetProblem[]; filename: string }
  | { kind: 'failed'; message: string; filename: string };

const ACCEPTED = /\.(xlsx|csv)$/i;

/** The cell-by-cell report of a refused import: nothing of the file was saved. */
export function ImportReport({ problems }: { problems: SheetProblem[] }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<SheetProblem & { key: number }> = [
    {
      key: 'sheet',
      title: t('sheets.report.sheet'),
      width: 110,
      render: (_: unknown, p) => p.sheet ?? '—',
    },
    {
      key: 'row',
      title: t('sheets.report.row'),
      width: 70,
      align: 'right',
      render: (_: unknown, p) => (p.row === 0 ? t('sheets.report.wholeFile') : p.row),
    },
    {
      key: 'cell',
      title: t('sheets.report.cell'),
      width: 150,
      render: (_: unknown, p) => (p.cell ? `${p.column}（${p.cell}）` : p.column || '—'),
    },
    {
      key: 'value',
      title: t('sheets.report.value'),
      width: 140,
      render: (_: unknown, p) => (p.value === '' ? '—' : <code>{p.value}</code>),
    },
    {
      key: 'reason',
      title: t('sheets.report.reason'),
      render: (_: unknown, p) => problemText(p, t, i18n.language),
    },
  ];
  return (
    <Table
      className="import-report"
      size="small"
      bordered
      columns={columns}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={problems.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 680 }}
    />
  );
}

/**
 * 下载填报模板 and 导入表格 on a round: the template holds the cells this user may fill; an
 * import is all or nothing, so a refusal lists every bad cell and says nothing was saved.
 */
export function SheetImport({ roundId, onImported }: { roundId: number; onImported: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'template' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const template = async () => {
    setBusy('template');
    setDownloadError(null);
    try {
      await roundFiles.template(roundId);
    } catch (caught) {
      setDownloadError(describe(caught));
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    const filename = file.name;
    if (!ACCEPTED.test(filename)) {
      setOutcome({ kind: 'failed', message: t('sheets.wrongKind'), filename });
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setOutcome({ kind: 'failed', message: t('sheets.tooLarge'), filename });
      return;
    }
    setBusy('import');
    setOutcome(null);
    try {
      const summary = await importSheet(roundId, file);
      setOutcome({ kind: 'done', summary, filename });
      onImported();
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

  return (
    <section className="sheet-import" aria-label={t('sheets.region')}>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'template'}
          onClick={() => void template()}
        >
          {t('sheets.downloadTemplate')}
        </Button>
        <Button
          icon={<UploadOutlined />}
          loading={busy === 'import'}
          onClick={() => input.current?.click()}
        >
          {t('sheets.import')}
        </Button>
        <span className="muted small">{t('sheets.hint')}</span>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          hidden
          aria-label={t('sheets.chooseFile')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </Space>
      {downloadError ? (
        <Alert type="error" showIcon role="alert" title={downloadError} className="sheet-alert" />
      ) : null}
      {outcome?.kind === 'done' ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          className="sheet-alert"
          title={t('sheets.done', { file: outcome.filename })}
          description={t('sheets.summary', {
            rows: outcome.summary.rows,
            cells: outcome.summary.cells,
            written: outcome.summary.written,
            unchanged: outcome.summary.unchanged,
            cleared: outcome.summary.cleared,
          })}
        />
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => setOutcome(null)}
          className="sheet-alert"
          title={t('sheets.failed', { file: outcome.filename })}
          description={outcome.message}
        />
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div className="sheet-alert">
          <Alert
            type="error"
            showIcon
            role="alert"
            closable
            onClose={() => setOutcome(null)}
            title={t('sheets.refused', { file: outcome.filename, count: outcome.problems.length })}
            description={t('sheets.nothingSaved')}
          />
          <ImportReport problems={outcome.problems} />
        </div>
      ) : null}
    </section>
  );
}

/** 成绩表, 数据 and 通报 downloads of a round's results. */
export function ResultsDownloads({
  roundId,
  revision,
  bulletin,
}: {
  roundId: number;
  /** An earlier revision shown: the tables of that revision. */
  revision: number | undefined;
  /** 'final' once published; 'draft' for an organizer during notice; null: none. */
  bulletin: 'final' | 'draft' | null;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="results-downloads">
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'xlsx'}
          onClick={() => void run('xlsx', () => roundFiles.results(roundId, 'xlsx', revision))}
        >
          {t('sheets.resultsXlsx')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'csv'}
          onClick={() => void run('csv', () => roundFiles.results(roundId, 'csv', revision))}
        >
          {t('sheets.resultsCsv')}
        </Button>
        {bulletin ? (
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'docx'}
            onClick={() => void run('docx', () => roundFiles.bulletin(roundId))}
          >
            {bulletin === 'draft' ? t('sheets.bulletinDraft') : t('sheets.bulletin')}
          </Button>
        ) : null}
      </Space>
      {error ? (
        <Alert type="error" showIcon role="alert" title={error} className="sheet-alert" />
      ) : null}
    </div>
  );
}
