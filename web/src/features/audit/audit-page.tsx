import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_KINDS,
  type AuditEvent,
  type AuditKind,
  type AuditVerification,
  auditExportUrl,
  listAudit,
  verifyAudit,
} from '../../api/audit.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { formatDateTime } from '../../lib/format.ts';
import { auditLines, type ChangeLine } from './audit-words.ts';

const ENTITY_TYPES = [
  'unit',
  'user',
  'api_token',
  'contest',
  'rubric',
  'round',
  'entry',
  'appeal',
  'practice',
  'division',
  'assessment',
] as const;
const ACTIONS = [
  'user.create',
  'user.update',
  'user.reset_password',
  'user.change_password',
  'token.create',
  'token.revoke',
  'unit.create',
  'unit.update',
  'units.import',
  'contest.create',
  'contest.update',
  'rubric.draft',
  'rubric.publish',
  'round.open',
  'round.transition',
  'round.correct',
  'entries.save',
  'entry.verify',
  'evidence.attach',
  'appeal.file',
  'appeal.upheld',
  'appeal.rejected',
  'entries.import',
  'assessment.create',
  'contest.feeds',
  'contest.instantiate',
  'feed.fill',
  'practice.create',
  'practice.update',
] as const;

function Diff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const rows = auditLines(event, t);
  const columns: TableColumnsType<ChangeLine> = [
    { key: 'subject', title: t('auditWords.subject'), dataIndex: 'subject', width: 280 },
    {
      key: 'before',
      title: t('audit.before'),
      dataIndex: 'before',
      render: (v: string) => <span className="diff-old">{v}</span>,
    },
    {
      key: 'after',
      title: t('audit.after'),
      dataIndex: 'after',
      render: (v: string) => <span className="diff-new">{v}</span>,
    },
  ];
  return (
    <div className="audit-diff">
      <Table<ChangeLine>
        size="small"
        rowKey={(r) => `${r.subject}|${r.before}|${r.after}`}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30, size: 'small' } : false}
        locale={{ emptyText: t('auditWords.noChange') }}
      />
      <div className="muted small">
        {t('audit.hash')}：<code>{event.hash}</code>
      </div>
    </div>
  );
}

/** 审计日志: every recorded change, filtered; expand a row for its before/after; verify the chain. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [entityId, setEntityId] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [kind, setKind] = useState<AuditKind | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [pager, setPager] = useState({ page: 1, size: 20 });
  const actorQuery = useDebouncedValue(actor.trim(), 300);
  const idQuery = useDebouncedValue(entityId.trim(), 300);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const entity = entityType ? (idQuery ? `${entityType}:${idQuery}` : entityType) : undefined;
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const key = JSON.stringify([entity, actorQuery, action, kind, from, to, pager]);
  const filter = {
    ...(entity ? { entity } : {}),
    ...(actorQuery ? { actor: actorQuery } : {}),
    ...(action ? { action } : {}),
    ...(kind ? { kind } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const events = useRequest(`audit:${key}`, (signal) =>
    listAudit(
      {
        ...filter,
        limit: pager.size,
        offset: (pager.page - 1) * pager.size,
      },
      signal,
    ),
  );

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await verifyAudit());
    } catch (caught) {
      setVerifyError(describe(caught));
    } finally {
      setVerifying(false);
    }
  };

  const actionLabel = (code: string) =>
    (ACTIONS as readonly string[]).includes(code)
      ? t(`audit.actions.${code}` as 'audit.actions.user.create', {
          defaultValue: t(`auditWords.actions.${code}` as 'auditWords.actions.feed.fill', {
            defaultValue: code,
          }),
        })
      : code;
  const entityLabel = (type: string) =>
    (ENTITY_TYPES as readonly string[]).includes(type)
      ? t(`audit.entities.${type}` as 'audit.entities.unit', {
          defaultValue: t(`auditWords.entities.${type}` as 'auditWords.entities.assessment', {
            defaultValue: type,
          }),
        })
      : type;

  const columns: TableColumnsType<AuditEvent> = [
    { key: 'id', title: t('audit.id'), dataIndex: 'id', width: 72 },
    {
      key: 'at',
      title: t('audit.at'),
      width: 150,
      render: (_: unknown, e) => formatDateTime(e.at),
    },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
    {
      key: 'action',
      title: t('audit.action'),
      width: 170,
      render: (_: unknown, e) => <Tag>{actionLabel(e.action)}</Tag>,
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_: unknown, e) => (
        <span>
          <span className="muted">{entityLabel(e.entityType)}</span>{' '}
          {e.entityName ?? <span className="muted">#{e.entityId}</span>}
        </span>
      ),
    },
  ];
  const resetPage = () => setPager((p) => ({ ...p, page: 1 }));

  return (
    <>
      <div className="page-title-row">
        <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verifying}
          onClick={() => void verify()}
        >
          {t('audit.verify')}
        </Button>
      </div>
      {verification ? (
        <Alert
          role="status"
          className="verify-result"
          type={verification.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerification(null) }}
          title={
            verification.ok
              ? t('audit.verifyOk', { count: verification.count })
              : t('audit.verifyBroken', { id: verification.eventId ?? '?' })
          }
          description={
            verification.ok
              ? t('audit.verifyOkHint')
              : verification.reason
                ? t('audit.verifyReason', { reason: verification.reason })
                : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {verifyError ? (
        <Alert type="error" showIcon title={verifyError} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" className="section-card">
        <Space wrap className="page-filter">
          <Select
            allowClear
            aria-label={t('accounts.kind')}
            placeholder={t('accounts.kindAll')}
            value={kind}
            onChange={(v: AuditKind | undefined) => {
              setKind(v);
              resetPage();
            }}
            options={AUDIT_KINDS.map((k) => ({ value: k, label: t(`accounts.kinds.${k}`) }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            aria-label={t('audit.entity')}
            placeholder={t('audit.entityPlaceholder')}
            value={entityType}
            onChange={(v: string | undefined) => {
              setEntityType(v);
              resetPage();
            }}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
            style={{ width: 150 }}
          />
          <Input
            allowClear
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            value={entityId}
            disabled={!entityType}
            onChange={(event) => {
              setEntityId(event.target.value);
              resetPage();
            }}
            style={{ width: 120 }}
          />
          <Input
            allowClear
            aria-label={t('audit.actor')}
            placeholder={t('audit.actorPlaceholder')}
            value={actor}
            onChange={(event) => {
              setActor(event.target.value);
              resetPage();
            }}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            value={action}
            onChange={(v: string | undefined) => {
              setAction(v);
              resetPage();
            }}
            options={ACTIONS.map((code) => ({ value: code, label: actionLabel(code) }))}
            style={{ width: 180 }}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.dates')}
            value={range}
            onChange={(value) => {
              setRange(value as [Dayjs | null, Dayjs | null] | null);
              resetPage();
            }}
            placeholder={[t('audit.from'), t('audit.to')]}
          />
          {/* The export is audited by the server (issue 19): the assessor's copy. */}
          <Button href={auditExportUrl('csv', filter)} icon={<DownloadOutlined />}>
            {t('accounts.exportCsv')}
          </Button>
          <Button href={auditExportUrl('xlsx', filter)} icon={<DownloadOutlined />}>
            {t('accounts.exportXlsx')}
          </Button>
        </Space>
        {events.error !== undefined ? (
          <RequestError error={events.error} onRetry={events.reload} />
        ) : (
          <Table<AuditEvent>
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={events.data?.items ?? []}
            loading={events.loading}
            expandable={{
              expandedRowRender: (event) => <Diff event={event} />,
              expandRowByClick: false,
            }}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('audit.empty') }}
            pagination={{
              current: pager.page,
              pageSize: pager.size,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.countItems', { count: total }),
              onChange: (page, size) => setPager({ page: size === pager.size ? page : 1, size }),
            }}
          />
        )}
        <p className="muted small">
          {i18n.language.startsWith('zh') ? t('audit.legend') : t('audit.legend')}
        </p>
      </Card>
    </>
  );
}
