// The year-end parts of an assessment (DESIGN §8): every line of a unit's explanation, the
// rater's forms, the adjustments with the organizer's approval.
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdjustmentView,
  type AssessedUnit,
  type AssessmentScheme,
  adjustmentEvidenceUrl,
  attachAdjustmentEvidence,
  decideAdjustment,
  type ExplanationLine,
  getRatingForms,
  listAdjustments,
  proposeAdjustment,
  type RatingFormView,
  submitRatingForm,
} from '../../api/assessments.ts';
import { useRequest } from '../../api/use-request.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { useModalSubmit } from '../../components/use-modal-submit.ts';
import { formatScore, formatSigned } from '../../lib/format.ts';

/** 得分明细: every line, and the total they add up to. */
export function ExplanationLines({ unit }: { unit: AssessedUnit }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ExplanationLine & { key: number }> = [
    { key: 'label', title: t('assessmentYear.item'), dataIndex: 'label', width: 220 },
    { key: 'detail', title: t('assessmentYear.detail'), dataIndex: 'detail' },
    {
      key: 'points',
      title: t('assessmentYear.points'),
      width: 110,
      align: 'right',
      render: (_: unknown, l) => formatSigned(l.points),
    },
  ];
  return (
    <Table
      className="assessment-lines"
      size="small"
      bordered
      columns={columns}
      dataSource={unit.lines.map((l, key) => ({ ...l, key }))}
      pagination={false}
      scroll={{ x: 600 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>
              {t('assessmentYear.total', { rank: unit.rank, grade: unit.grade })}
              {unit.vetoed ? ` · ${t('assessmentYear.vetoed')}` : ''}
            </strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong className="assessment-lines-total">{formatScore(unit.total)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function RatingForm({
  id,
  form,
  open,
  onSaved,
}: {
  id: number;
  form: RatingFormView;
  open: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const [messageApi, holder] = message.useMessage();
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(form.units.map((u) => [u.code, u.score])),
  );
  const [saving, setSaving] = useState(false);
  const missing = form.units.filter((u) => scores[u.code] == null).length;
  const save = async () => {
    setSaving(true);
    try {
      await submitRatingForm(id, {
        component: form.component,
        class: form.class,
        ratings: form.units.map((u) => ({ unit: u.code, score: scores[u.code]! })),
      });
      void messageApi.success(t('assessmentYear.ratingsSaved'));
      onSaved();
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="rating-form" data-form={`${form.component}/${form.class}`}>
      {holder}
      <h4>
        {form.name} · {form.className}（{t('assessmentYear.scale', { max: form.max })}）
      </h4>
      <div className="rating-grid">
        {form.units.map((u) => (
          <div key={u.code} className="rating-cell">
            <span>{u.name}</span>
            <InputNumber
              aria-label={`${form.name} ${u.name}`}
              min={0}
              max={form.max}
              disabled={!open}
              value={scores[u.code]}
              onChange={(v) => setScores((s) => ({ ...s, [u.code]: v }))}
            />
          </div>
        ))}
      </div>
      <Space>
        <Button type="primary" disabled={!open || missing > 0} loading={saving} onClick={save}>
          {t('assessmentYear.submitForm')}
        </Button>
        {missing > 0 && (
          <span className="muted">{t('assessmentYear.missing', { count: missing })}</span>
        )}
      </Space>
    </div>
  );
}

/** 我的评价表: one form per (rating component, class) assigned to the signed-in rater. */
export function RatingForms({ id, onSaved }: { id: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const forms = useRequest(`assessment-forms:${id}`, (signal) => getRatingForms(id, signal));
  if (!forms.data || forms.data.items.length === 0) return null;
  return (
    <Card size="small" className="section-card" title={t('assessmentYear.forms')}>
      {forms.data.items.map((f) => (
        <RatingForm
          key={`${f.component}/${f.class}`}
          id={id}
          form={f}
          open={forms.data!.open}
          onSaved={() => {
            forms.reload();
            onSaved();
          }}
        />
      ))}
    </Card>
  );
}

const STATE_COLOR = { pending: 'warning', approved: 'success', rejected: 'default' } as const;

/** 加减分及一票否决: each with its reason and evidence; the organizer approves or rejects. */
export function Adjustments({
  id,
  manage,
  open,
  onDecided,
  propose,
  scheme,
  units,
}: {
  id: number;
  manage: boolean;
  open: boolean;
  onDecided: () => void;
  /** Whether the reader may propose (its own unit, or any as the organizer). */
  propose?: boolean;
  scheme?: AssessmentScheme;
  /** The units the reader may propose for. */
  units?: { code: string; name: string }[];
}) {
  const [proposing, setProposing] = useState(false);
  const items = scheme?.adjustments?.items ?? [];
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const [messageApi, holder] = message.useMessage();
  const list = useRequest(`assessment-adjustments:${id}`, (signal) => listAdjustments(id, signal));
  const decide = async (a: AdjustmentView, decision: 'approved' | 'rejected') => {
    try {
      await decideAdjustment(id, a.id, {
        decision,
        ...(decision === 'rejected' ? { reason: t('assessmentYear.rejectReason') } : {}),
      });
      list.reload();
      onDecided();
    } catch (error) {
      void messageApi.error(errorText(error));
    }
  };
  const columns: TableColumnsType<AdjustmentView> = [
    { key: 'unit', title: t('common.unit'), dataIndex: 'unitName', width: 120 },
    {
      key: 'item',
      title: t('assessmentYear.item'),
      width: 220,
      render: (_: unknown, a) => `${t(`assessmentYear.kinds.${a.kind}`)}：${a.itemName}`,
    },
    {
      key: 'points',
      title: t('assessmentYear.points'),
      width: 90,
      align: 'right',
      render: (_: unknown, a) =>
        a.kind === 'veto' ? '—' : formatSigned(a.kind === 'bonus' ? a.points : -a.points),
    },
    { key: 'reason', title: t('assessmentYear.reason'), dataIndex: 'reason' },
    {
      key: 'evidence',
      title: t('assessmentYear.evidence'),
      width: 140,
      render: (_: unknown, a) =>
        a.evidence ? <a href={adjustmentEvidenceUrl(id, a.id)}>{a.evidence.name}</a> : '—',
    },
    {
      key: 'state',
      title: t('assessmentYear.state'),
      width: 190,
      render: (_: unknown, a) =>
        a.state === 'pending' && manage && open ? (
          <Space>
            <Button size="small" type="primary" onClick={() => decide(a, 'approved')}>
              {t('assessmentYear.approve')}
            </Button>
            <Button size="small" onClick={() => decide(a, 'rejected')}>
              {t('assessmentYear.reject')}
            </Button>
          </Space>
        ) : (
          <Tag className="adjustment-state" color={STATE_COLOR[a.state]}>
            {t(`assessmentYear.states.${a.state}`)}
          </Tag>
        ),
    },
  ];
  return (
    <Card
      size="small"
      className="section-card"
      title={t('assessmentYear.adjustments')}
      extra={
        propose && open && items.length && units?.length ? (
          <Button
            size="small"
            type="primary"
            className="adjustment-propose"
            onClick={() => setProposing(true)}
          >
            {t('assessmentYear.propose')}
          </Button>
        ) : null
      }
    >
      {holder}
      {proposing && scheme && units ? (
        <ProposeModal
          id={id}
          scheme={scheme}
          units={units}
          onClose={() => setProposing(false)}
          onDone={() => {
            setProposing(false);
            void messageApi.success(t('assessmentYear.proposed'));
            list.reload();
            onDecided();
          }}
        />
      ) : null}
      <Table<AdjustmentView>
        className="adjustments-table"
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={!list.data}
        pagination={false}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

/** 申报加减分: unit, item, points within the item's cap, the reason and a file as evidence. */
function ProposeModal({
  id,
  scheme,
  units,
  onClose,
  onDone,
}: {
  id: number;
  scheme: AssessmentScheme;
  units: { code: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { busy: saving, error, run } = useModalSubmit();
  const [file, setFile] = useState<File>();
  const items = scheme.adjustments?.items ?? [];
  const itemCode = Form.useWatch('item', form) as string | undefined;
  const item = items.find((i) => i.code === itemCode);
  const submit = async () => {
    let values: { unit: string; item: string; points?: number; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const created = await proposeAdjustment(id, {
        unit: values.unit,
        item: values.item,
        points: item?.kind === 'veto' ? 0 : (values.points ?? 0),
        reason: values.reason,
      });
      if (file) await attachAdjustmentEvidence(id, created.id, file);
      onDone();
    });
  };
  return (
    <Modal
      open
      className="propose-modal"
      title={t('assessmentYear.propose')}
      okText={t('assessmentYear.proposeSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={units.length === 1 ? { unit: units[0]?.code } : {}}
      >
        <Form.Item
          name="unit"
          label={t('common.unit')}
          rules={[{ required: true, message: t('assessmentYear.pickUnit') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="item"
          label={t('assessmentYear.item')}
          rules={[{ required: true, message: t('assessmentYear.pickItem') }]}
        >
          <Select
            options={items.map((i) => ({
              value: i.code,
              label: `${t(`assessmentYear.kinds.${i.kind}`)}：${i.name}${
                i.cap !== undefined ? t('assessmentYear.capN', { cap: i.cap }) : ''
              }`,
            }))}
          />
        </Form.Item>
        {item?.kind !== 'veto' ? (
          <Form.Item
            name="points"
            label={t('assessmentYear.pointsAsked')}
            rules={[{ required: true, message: t('assessmentYear.pointsAsked') }]}
          >
            <InputNumber min={0} max={item?.cap} step={0.5} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('assessmentYear.reason')}
          rules={[{ required: true, whitespace: true, message: t('assessmentYear.reasonNeeded') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('assessmentYear.evidence')}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button icon={<UploadOutlined />}>{t('assessmentYear.pickFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
