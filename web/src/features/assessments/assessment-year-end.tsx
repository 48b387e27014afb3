// The year-end parts of an assessment (DESIGN §8): every line of a unit's explanation, the
// rater's forms, the adjustments with the organizer's approval.
import { Button, Card, InputNumber, message, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdjustmentView,
  type AssessedUnit,
  adjustmentEvidenceUrl,
  decideAdjustment,
  type ExplanationLine,
  getRatingForms,
  listAdjustments,
  type RatingFormView,
  submitRatingForm,
} from '../../api/assessments.ts';
import { useRequest } from '../../api/use-request.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
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
}: {
  id: number;
  manage: boolean;
  open: boolean;
  onDecided: () => void;
}) {
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
    <Card size="small" className="section-card" title={t('assessmentYear.adjustments')}>
      {holder}
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
