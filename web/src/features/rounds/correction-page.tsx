import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Input,
  message,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Indicator } from '../../../../src/core/rubric.ts';
import { getContest } from '../../api/contests.ts';
import { problemText } from '../../api/error-message.ts';
import { correctRound, getEntries, getResults, getRound } from '../../api/rounds.ts';
import { useRequest } from '../../api/use-request.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { UnsavedGuard } from '../../hooks/use-unsaved-guard.tsx';
import { formatNumber, formatScore } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { type PreviewRow, previewCorrection } from './correction-preview.ts';
import { cellKey, parseCell } from './entry-model.ts';

interface Line {
  id: number;
  unit?: string;
  indicator?: string;
  text: string;
}

const flagOf = (flag: string | null) => (flag === 'red' || flag === 'yellow' ? flag : null);

/**
 * 更正成绩: pick cells of a published round, give new values and a reason, see every unit's
 * total, rank and flag before and after (computed here by the engine), then confirm.
 */
export default function CorrectionPage() {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [toast, toastHolder] = message.useMessage();
  const round = useRequest(`round:${id}`, (signal) => getRound(id, signal));
  const contestId = round.data?.contest.id;
  const contest = useRequest(contestId ? `contest:${contestId}` : null, (signal) =>
    getContest(contestId!, signal),
  );
  const data = useRequest(round.data ? `correction:${id}:${round.data.revision}` : null, (signal) =>
    Promise.all([getEntries(Number(id), signal), getResults(id, undefined, signal)]),
  );
  const [lines, setLines] = useState<Line[]>([{ id: 1, text: '' }]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const rubric = round.data?.rubric;
  const indicators = useMemo(
    () => new Map((rubric?.indicators ?? []).map((i) => [i.code, i])),
    [rubric],
  );
  const current = useMemo(
    () => new Map((data.data?.[0].items ?? []).map((e) => [cellKey(e.unit, e.indicator), e.value])),
    [data.data],
  );

  // Each line read like a grid cell; the complete, valid ones make the correction.
  const checked = lines.map((line) => {
    const indicator = line.indicator ? indicators.get(line.indicator) : undefined;
    if (!line.unit || !indicator) return { line, ready: false as const };
    const parsed = parseCell(indicator, line.text);
    if (!parsed.ok)
      return {
        line,
        ready: false as const,
        problem: problemText(parsed, t, i18n.language),
      };
    const value =
      typeof parsed.value === 'boolean' ? (parsed.value ? 1 : 0) : (parsed.value as number | null);
    return { line, ready: true as const, value, warning: parsed.warning };
  });
  const ready = checked.filter((c) => c.ready);
  const corrections = useMemo(() => {
    const map = new Map<string, number | null>();
    for (const c of ready) map.set(cellKey(c.line.unit!, c.line.indicator!), c.value);
    return map;
  }, [ready]);
  const duplicate = corrections.size < ready.length;
  const preview = useMemo((): PreviewRow[] | undefined => {
    if (!rubric || !contest.data || !data.data || corrections.size === 0) return undefined;
    return previewCorrection(
      rubric,
      contest.data.participants,
      data.data[0],
      data.data[1].items,
      corrections,
    );
  }, [rubric, contest.data, data.data, corrections]);

  if (round.error !== undefined) return <RequestError error={round.error} onRetry={round.reload} />;
  if (contest.error !== undefined)
    return <RequestError error={contest.error} onRetry={contest.reload} />;
  if (data.error !== undefined) return <RequestError error={data.error} onRetry={data.reload} />;
  const r = round.data;
  const c = contest.data;
  if (!r || !c || !data.data || !rubric) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!r.may.correct) {
    return <Alert type="warning" showIcon title={t('corrections.onlyPublished')} />;
  }

  const shownValue = (indicator: Indicator | undefined, value: number | null | undefined) =>
    value === null || value === undefined
      ? t('corrections.empty')
      : indicator?.kind === 'veto'
        ? value === 1
          ? t('common.yes')
          : t('common.no')
        : formatNumber(value, 6);
  const update = (lineId: number, change: Partial<Line>) =>
    setLines((all) => all.map((l) => (l.id === lineId ? { ...l, ...change } : l)));
  const changedRows = preview?.filter((p) => p.changed) ?? [];
  const reasonOk = reason.trim().length >= 2;
  const mayConfirm = ready.length > 0 && ready.length === lines.length && !duplicate && reasonOk;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await correctRound(r.id, {
        reason: reason.trim(),
        entries: ready.map((x) => ({
          unit: x.line.unit!,
          indicator: x.line.indicator!,
          value:
            indicators.get(x.line.indicator!)?.kind === 'veto' && x.value !== null
              ? x.value === 1
              : x.value,
        })),
      });
      setDone(true);
      void toast.success(t('corrections.done', { revision: answer.revision }));
      void navigate(`/rounds/${r.id}/results`);
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  const previewColumns: TableColumnsType<PreviewRow> = [
    { key: 'name', title: t('common.unit'), dataIndex: 'name' },
    {
      key: 'total',
      title: t('corrections.total'),
      render: (_: unknown, p) => (
        <span className={p.before?.total !== p.after.total ? 'diff-new' : undefined}>
          {formatScore(p.before?.total ?? null, rubric.precision)} →{' '}
          {formatScore(p.after.total, rubric.precision)}
        </span>
      ),
    },
    {
      key: 'rank',
      title: t('corrections.rank'),
      render: (_: unknown, p) => (
        <span className={p.before?.rank !== p.after.rank ? 'diff-new' : undefined}>
          {p.before?.rank ?? '—'} → {p.after.rank}
        </span>
      ),
    },
    {
      key: 'flag',
      title: t('corrections.flag'),
      render: (_: unknown, p) => (
        <Space size={4}>
          <FlagBadge flag={flagOf(p.before?.flag ?? null)} vetoed={false} />→
          <FlagBadge flag={flagOf(p.after.flag)} vetoed={false} />
        </Space>
      ),
    },
  ];

  return (
    <>
      {toastHolder}
      <UnsavedGuard when={!done && !busy && (reason.trim() !== '' || ready.length > 0)} />
      <nav className="page-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <Link to={`/contests/${c.id}`}>{c.title}</Link> ›{' '}
        <Link to={`/rounds/${r.id}`}>{periodText(r.period, i18n.language)}</Link>
      </nav>
      <PageHeader
        title={t('corrections.title')}
        subtitle={`${c.title} · ${periodText(r.period, i18n.language)}`}
      />
      <Card size="small" className="section-card" title={t('corrections.cells')}>
        <div className="correction-lines">
          {checked.map(({ line, ...state }, index) => {
            const indicator = line.indicator ? indicators.get(line.indicator) : undefined;
            const was =
              line.unit && line.indicator
                ? current.get(cellKey(line.unit, line.indicator))
                : undefined;
            const problem = 'problem' in state ? state.problem : undefined;
            const warning = 'warning' in state ? state.warning : undefined;
            return (
              <div className="correction-line" key={line.id}>
                <Space wrap align="start">
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('corrections.unitN', { n: index + 1 })}
                    placeholder={t('common.unit')}
                    value={line.unit}
                    onChange={(unit: string) => update(line.id, { unit })}
                    options={c.participants.map((p) => ({ value: p.code, label: p.name }))}
                    style={{ width: 180 }}
                  />
                  <Select
                    aria-label={t('corrections.indicatorN', { n: index + 1 })}
                    placeholder={t('corrections.indicator')}
                    value={line.indicator}
                    onChange={(code: string) => update(line.id, { indicator: code })}
                    options={rubric.indicators.map((i) => ({
                      value: i.code,
                      label: `${i.code} ${i.name}`,
                    }))}
                    style={{ width: 260 }}
                  />
                  <span className="correction-was">
                    {t('corrections.was')}：
                    {line.unit && indicator ? shownValue(indicator, was) : '—'}
                  </span>
                  <Input
                    aria-label={t('corrections.valueN', { n: index + 1 })}
                    placeholder={t('corrections.newValue')}
                    value={line.text}
                    status={problem ? 'error' : warning ? 'warning' : undefined}
                    onChange={(event) => update(line.id, { text: event.target.value })}
                    style={{ width: 140 }}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('corrections.remove')}
                    disabled={lines.length === 1}
                    onClick={() => setLines((all) => all.filter((l) => l.id !== line.id))}
                  />
                </Space>
                {problem ? (
                  <div className="grid-problem" role="alert">
                    {problem}
                  </div>
                ) : warning ? (
                  <div className="grid-warning">{problemText(warning, t, i18n.language)}</div>
                ) : null}
              </div>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setLines((all) => [
                ...all,
                { id: Math.max(0, ...all.map((l) => l.id)) + 1, text: '' },
              ])
            }
          >
            {t('corrections.add')}
          </Button>
          {duplicate ? <Alert type="error" showIcon title={t('corrections.duplicate')} /> : null}
        </div>
        <Input.TextArea
          className="correction-reason"
          aria-label={t('corrections.reason')}
          placeholder={t('corrections.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={5000}
        />
      </Card>
      <Card
        size="small"
        className="section-card correction-preview"
        title={t('corrections.preview')}
        extra={
          preview ? (
            <span className="muted">
              {t('corrections.previewCount', { count: changedRows.length, total: preview.length })}
            </span>
          ) : null
        }
      >
        {preview ? (
          <Table<PreviewRow>
            size="small"
            bordered
            rowKey="code"
            columns={previewColumns}
            dataSource={changedRows.length ? changedRows : []}
            pagination={false}
            scroll={{ x: 520 }}
            locale={{ emptyText: t('corrections.noEffect') }}
          />
        ) : (
          <span className="muted">{t('corrections.previewHint')}</span>
        )}
      </Card>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      <Space className="correction-actions">
        <Button onClick={() => navigate(`/rounds/${r.id}`)}>{t('common.cancel')}</Button>
        <Popconfirm
          title={t('corrections.confirmTitle')}
          description={
            <div className="confirm-text">
              {t('corrections.confirmText', {
                cells: ready.length,
                units: changedRows.length,
                revision: r.revision + 1,
              })}
            </div>
          }
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => void confirm()}
          disabled={!mayConfirm}
        >
          <Button type="primary" danger loading={busy} disabled={!mayConfirm}>
            {t('corrections.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </>
  );
}
