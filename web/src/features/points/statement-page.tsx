import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  Input,
  Modal,
  message,
  Radio,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  answerDispute,
  type Dispute,
  fileDispute,
  getStatement,
  listRules,
  type RecordStatus,
  type Rule,
  recordEvidenceUrl,
  type Statement,
  type StatementLine,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { LazyChart } from '../../components/chart-lazy.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { genderText, PointsNav, signed, usePointsBranch } from './points-common.tsx';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

const STATUS_COLORS: Record<RecordStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
};

/**
 * 党员积分明细: a member's year, record by record and category by category, with what each
 * record counted after the yearly caps (and which cap cut it), totals per month and quarter, and
 * disputes (filed by the member or the branch, answered by the secretary).
 */
export default function StatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const choice = usePointsBranch();
  const statement = useRequest(`points:statement:${id}:${year}`, (signal) =>
    getStatement(id, year, signal),
  );
  const data = statement.data;
  return (
    <>
      <PageHeader
        title={
          data
            ? t('points.statement.titleOf', { name: data.member.name })
            : t('points.statement.title')
        }
        subtitle={t('points.statement.subtitle')}
      />
      {choice.branches.length > 0 ? <PointsNav choice={choice} current="members" /> : null}
      <div className="points-toolbar">
        <Select
          aria-label={t('points.statement.year')}
          value={year}
          onChange={(y: number) => {
            const next = new URLSearchParams(params);
            next.set('year', String(y));
            setParams(next);
          }}
          options={[0, 1, 2].map((back) => ({
            value: thisYear - back,
            label: t('points.statement.yearOf', { year: thisYear - back }),
          }))}
          style={{ width: 120 }}
        />
      </div>
      {statement.error ? (
        <RequestError error={statement.error} onRetry={statement.reload} />
      ) : !data || statement.loading ? (
        <Skeleton active />
      ) : (
        <StatementView statement={data} reload={statement.reload} />
      )}
    </>
  );
}

interface Props {
  statement: Statement;
  reload: () => void;
}

function StatementView({ statement, reload }: Props) {
  const { t } = useTranslation();
  const [toast, toastHolder] = message.useMessage();
  const { member, lines, year } = statement;
  // On a phone the lines read as a list: a table of six columns would scroll sideways.
  const phone = !Grid.useBreakpoint().sm;
  // The caps themselves, to say which limit cut a record; a member reading their own statement
  // may not read the catalogue, and the statement stands without it.
  const rules = useRequest(`points:rules:${statement.branch.id}`, (signal) =>
    listRules(statement.branch.id, signal).catch(() => [] as Rule[]),
  );
  const ruleById = new Map((rules.data ?? []).map((r) => [r.id, r]));
  const [disputing, setDisputing] = useState<StatementLine | null>(null);
  const [answering, setAnswering] = useState<Dispute | null>(null);

  const months = useMemo(() => {
    const totals = Array.from({ length: 12 }, () => ({ awarded: 0, deducted: 0 }));
    for (const l of lines) {
      const m = Number(l.occurredOn.slice(5, 7)) - 1;
      if (l.counted > 0) totals[m]!.awarded += l.counted;
      else totals[m]!.deducted += l.counted;
    }
    return totals;
  }, [lines]);
  const quarters = [0, 1, 2, 3].map((q) =>
    months.slice(q * 3, q * 3 + 3).reduce((a, m) => a + m.awarded + m.deducted, 0),
  );
  const pending = lines.filter((l) => l.status === 'pending').length;
  const openDisputes = lines.flatMap((l) => l.disputes).filter((d) => d.status === 'open').length;
  const categories = useMemo(() => {
    const groups = new Map<string, StatementLine[]>();
    for (const l of lines) groups.set(l.category, [...(groups.get(l.category) ?? []), l]);
    return [...groups];
  }, [lines]);

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      xAxis: {
        type: 'category',
        data: months.map((_, i) => t('points.statement.monthShort', { month: i + 1 })),
      },
      yAxis: { type: 'value' },
      color: ['#a8071a', '#8c8c8c'],
      series: [
        {
          name: t('points.awarded'),
          type: 'bar',
          stack: 'points',
          data: months.map((m) => m.awarded),
        },
        {
          name: t('points.deducted'),
          type: 'bar',
          stack: 'points',
          data: months.map((m) => m.deducted),
        },
      ],
    }),
    [months, t],
  );

  const clampText = (l: StatementLine) => {
    if (!l.clampedBy) return null;
    const rule = ruleById.get(l.ruleId);
    const cap = l.clampedBy === 'item' ? rule?.itemCap : rule?.categoryCap;
    return cap === undefined || cap === null
      ? t(`points.statement.clamped.${l.clampedBy}`)
      : t(`points.statement.clampedCap.${l.clampedBy}`, { cap });
  };

  const countedCell = (l: StatementLine) =>
    l.status !== 'approved' ? (
      '—'
    ) : (
      <>
        <strong className={l.counted < 0 ? 'points-value minus' : 'points-value plus'}>
          {signed(l.counted)}
        </strong>
        {l.clampedBy ? (
          <div className="points-clamp" data-clamp={l.clampedBy}>
            {clampText(l)}
          </div>
        ) : null}
      </>
    );
  const statusTag = (l: StatementLine) => (
    <Tag color={STATUS_COLORS[l.status]}>{t(`points.statuses.${l.status}`)}</Tag>
  );
  const disputesCell = (l: StatementLine) => (
    <div className="points-disputes">
      {l.disputes.map((d) => (
        <div key={d.id} className="points-dispute">
          <Tag color={d.status === 'open' ? 'gold' : d.status === 'upheld' ? 'green' : 'default'}>
            {t(`points.disputeStatuses.${d.status}`)}
          </Tag>
          <span>{d.reason}</span>
          {d.answer ? (
            <div className="points-line-note">
              {t('points.statement.answer', { answer: d.answer })}
            </div>
          ) : null}
          {d.may.answer ? (
            <Button size="small" onClick={() => setAnswering(d)}>
              {t('points.statement.answerIt')}
            </Button>
          ) : null}
        </div>
      ))}
      {statement.may.dispute &&
      l.status !== 'rejected' &&
      !l.disputes.some((d) => d.status === 'open') ? (
        <Button size="small" type="link" onClick={() => setDisputing(l)}>
          {t('points.statement.dispute')}
        </Button>
      ) : null}
    </div>
  );
  const itemCell = (l: StatementLine) => (
    <>
      <div>{l.item}</div>
      {l.note ? <div className="points-line-note">{l.note}</div> : null}
      {l.revision ? <Tag color="purple">{t('points.revision')}</Tag> : null}
      {l.hasEvidence ? (
        <a href={recordEvidenceUrl(l.id)} target="_blank" rel="noreferrer">
          {t('points.evidence')}
        </a>
      ) : null}
      {l.status === 'rejected' && l.reviewNote ? (
        <div className="points-line-note">
          {t('points.statement.rejectedFor', { reason: l.reviewNote })}
        </div>
      ) : null}
    </>
  );

  const columns: TableColumnsType<StatementLine> = [
    { title: t('points.statement.date'), dataIndex: 'occurredOn', width: 104 },
    {
      title: t('points.rules.item'),
      dataIndex: 'item',
      render: (_: unknown, l) => itemCell(l),
    },
    {
      title: t('points.rules.points'),
      dataIndex: 'points',
      width: 64,
      align: 'right',
      render: (p: number) => signed(p),
    },
    {
      title: t('points.statement.counted'),
      width: 150,
      render: (_: unknown, l) => countedCell(l),
    },
    {
      title: t('points.statement.status'),
      width: 84,
      render: (_: unknown, l) => statusTag(l),
    },
    {
      title: t('points.statement.disputes'),
      width: 200,
      render: (_: unknown, l) => disputesCell(l),
    },
  ];

  return (
    <>
      {toastHolder}
      <Card size="small" className="section-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'branch', label: t('points.branch'), children: statement.branch.name },
            {
              key: 'who',
              label: t('points.statement.who'),
              children: t('points.statement.whoText', {
                gender: genderText(member.gender, t),
                year: member.birthYear,
              }),
            },
            { key: 'joined', label: t('points.members.joinedOn'), children: member.joinedOn },
            {
              key: 'status',
              label: t('points.members.status'),
              children:
                member.status === 'active'
                  ? t('points.members.active')
                  : t('points.members.transferredOut', { date: member.transferredOutOn }),
            },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]} className="section-row">
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title={t('points.statement.yearTotal', { year })}
              value={statement.total}
              className="points-year-total"
            />
          </Card>
        </Col>
        {QUARTERS.map((q, i) => (
          <Col xs={12} md={4} key={q}>
            <Card size="small">
              <Statistic title={t(`points.statement.quarters.${q}`)} value={quarters[i]} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('points.statement.pending')} value={pending} />
          </Card>
        </Col>
      </Row>
      {openDisputes > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="section-card"
          title={t('points.statement.openDisputes', { count: openDisputes })}
        />
      ) : null}
      <Card size="small" className="section-card" title={t('points.statement.byMonth')}>
        <Suspense fallback={<Skeleton active />}>
          <LazyChart option={option} height={240} ariaLabel={t('points.statement.byMonth')} />
        </Suspense>
        <div className="points-month-totals">
          {months.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: twelve fixed months
            <span key={i}>
              {t('points.statement.monthShort', { month: i + 1 })} {signed(m.awarded + m.deducted)}
            </span>
          ))}
        </div>
      </Card>
      {categories.length === 0 ? (
        <Card size="small">
          <Empty description={t('points.statement.empty')} />
        </Card>
      ) : (
        categories.map(([category, list]) => {
          const counted = list.reduce((a, l) => a + l.counted, 0);
          const cap = ruleById.get(list[0]!.ruleId)?.categoryCap;
          return (
            <Card
              key={category}
              size="small"
              className="section-card points-category"
              title={
                <span>
                  {category}
                  <span className="points-category-total">
                    {t('points.statement.categoryTotal', { points: signed(counted) })}
                    {cap !== undefined && cap !== null
                      ? t('points.statement.categoryCapOf', { cap })
                      : ''}
                  </span>
                </span>
              }
            >
              {phone ? (
                <ul className="points-lines">
                  {list.map((l) => (
                    <li key={l.id} className={l.clampedBy ? 'points-clamped-row' : undefined}>
                      <div className="points-line-head">
                        <span>{l.occurredOn}</span>
                        {statusTag(l)}
                      </div>
                      <div className="points-line-body">
                        <div className="points-line-item">{itemCell(l)}</div>
                        <div className="points-line-points">
                          <span>{signed(l.points)}</span>
                          {l.status === 'approved' ? (
                            <span>
                              {t('points.statement.counted')} {countedCell(l)}
                            </span>
                          ) : null}
                        </div>
                      </div>
                      {disputesCell(l)}
                    </li>
                  ))}
                </ul>
              ) : (
                <Table<StatementLine>
                  size="small"
                  rowKey="id"
                  columns={columns}
                  dataSource={list}
                  pagination={false}
                  scroll={{ x: 720 }}
                  rowClassName={(l) => (l.clampedBy ? 'points-clamped-row' : '')}
                />
              )}
            </Card>
          );
        })
      )}
      {disputing ? (
        <DisputeModal
          line={disputing}
          onClose={() => setDisputing(null)}
          onDone={() => {
            setDisputing(null);
            void toast.success(t('points.statement.disputed'));
            reload();
          }}
        />
      ) : null}
      {answering ? (
        <AnswerModal
          dispute={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            void toast.success(t('points.statement.answered'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}

function DisputeModal({
  line,
  onClose,
  onDone,
}: {
  line: StatementLine;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const fieldId = useId();
  const { busy, error, run } = useModalSubmit();
  return (
    <Modal
      open
      title={t('points.statement.disputeTitle', { item: line.item, date: line.occurredOn })}
      okText={t('points.statement.disputeOk')}
      okButtonProps={{ disabled: reason.trim() === '' }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        await run(async () => {
          await fileDispute(line.id, reason.trim());
          onDone();
        });
      }}
    >
      <div className="points-field">
        <label htmlFor={fieldId}>{t('points.statement.disputeReason')}</label>
        <Input.TextArea
          id={fieldId}
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />{' '}
      </div>
      {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
    </Modal>
  );
}

function AnswerModal({
  dispute,
  onClose,
  onDone,
}: {
  dispute: Dispute;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'upheld' | 'dismissed'>('dismissed');
  const [answer, setAnswer] = useState('');
  const fieldId = useId();
  const { busy, error, run } = useModalSubmit();
  return (
    <Modal
      open
      title={t('points.statement.answerTitle')}
      okText={t('points.statement.answerOk')}
      okButtonProps={{ disabled: answer.trim() === '' }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        await run(async () => {
          await answerDispute(dispute.id, decision, answer.trim());
          onDone();
        });
      }}
    >
      <p>{dispute.reason}</p>
      <Radio.Group
        value={decision}
        onChange={(e) => setDecision(e.target.value as 'upheld' | 'dismissed')}
        options={[
          { value: 'dismissed', label: t('points.disputeStatuses.dismissed') },
          { value: 'upheld', label: t('points.disputeStatuses.upheld') },
        ]}
      />
      <p className="points-hint">{t('points.statement.upheldHint')}</p>
      <div className="points-field">
        <label htmlFor={fieldId}>{t('points.statement.answerText')}</label>
        <Input.TextArea
          id={fieldId}
          rows={3}
          maxLength={1000}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />{' '}
      </div>
      {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
    </Modal>
  );
}
