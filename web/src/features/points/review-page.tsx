import { Alert, Button, Card, Empty, Input, Modal, message, Skeleton, Space, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type Branch,
  type QueueItem,
  recordEvidenceUrl,
  reviewQueue,
  reviewRecord,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { BranchGate, PointsNav, signed, usePointsBranch } from './points-common.tsx';

/**
 * 积分审核: the branch's pending records, oldest first. The secretary approves or returns each
 * with a reason; the server enforces maker–checker and its refusal is shown on the record.
 */
export default function ReviewPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <>
      <PageHeader title={t('points.review.title')} subtitle={t('points.review.subtitle')} />
      <PointsNav choice={choice} current="review" />
      <BranchGate choice={choice}>
        {(branch) => <Queue key={branch.id} branch={branch} />}
      </BranchGate>
    </>
  );
}

function Queue({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const errorText = useErrorMessage();
  const [toast, toastHolder] = message.useMessage();
  const queue = useRequest(`points:queue:${branch.id}`, (signal) => reviewQueue(branch.id, signal));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [done, setDone] = useState<Set<number>>(new Set());
  const [q, setQ] = useState('');
  const mayReview = branch.may.review;

  const decide = async (item: QueueItem, decision: 'approve' | 'reject', note?: string) => {
    setBusy(item.id);
    setErrors(({ [item.id]: _, ...rest }) => rest);
    try {
      await reviewRecord(item.id, decision, note);
      setDone((previous) => new Set(previous).add(item.id));
      void toast.success(
        t(decision === 'approve' ? 'points.review.approved' : 'points.review.rejected', {
          name: item.memberName,
        }),
      );
      return true;
    } catch (e) {
      setErrors((previous) => ({ ...previous, [item.id]: errorText(e) }));
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (queue.error) return <RequestError error={queue.error} onRetry={queue.reload} />;
  if (!queue.data) return <Skeleton active />;
  const items = queue.data.filter(
    (r) => !done.has(r.id) && (q.trim() === '' || r.memberName.includes(q.trim())),
  );
  return (
    <>
      {toastHolder}
      <div className="points-toolbar">
        <span className="points-count">
          {t('points.review.count', { count: queue.data.length - done.size })}
        </span>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('points.members.search')}
            aria-label={t('points.members.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 180 }}
          />
          <Button
            onClick={() => {
              setDone(new Set());
              queue.reload();
            }}
          >
            {t('points.refresh')}
          </Button>
        </Space>
      </div>
      {mayReview ? null : (
        <Alert type="info" showIcon title={t('points.review.readOnly')} className="section-card" />
      )}
      {items.length === 0 ? (
        <Card size="small">
          <Empty description={t('points.review.empty')} />
        </Card>
      ) : (
        <div className="points-queue">
          {items.map((item) => (
            <Card
              key={item.id}
              size="small"
              className="points-queue-item"
              data-record={item.id}
              title={
                <span className="points-queue-title">
                  <Link to={`/points/members/${item.memberId}?branch=${branch.id}`}>
                    {item.memberName}
                  </Link>
                  <span className={item.points < 0 ? 'points-value minus' : 'points-value plus'}>
                    {t('points.pointsOf', { points: signed(item.points) })}
                  </span>
                </span>
              }
            >
              <div className="points-queue-what">
                {item.category} · {item.item}
              </div>
              <div className="points-queue-meta">
                <span>{t('points.review.occurredOn', { date: item.occurredOn })}</span>
                {item.recordedBy !== null && item.recordedBy === session?.user.id ? (
                  <Tag color="orange">{t('points.review.mine')}</Tag>
                ) : null}
                {item.revision ? <Tag color="purple">{t('points.revision')}</Tag> : null}
                {item.hasEvidence ? (
                  <a href={recordEvidenceUrl(item.id)} target="_blank" rel="noreferrer">
                    {t('points.evidence')}
                  </a>
                ) : null}
              </div>
              {item.note ? <p className="points-queue-note">{item.note}</p> : null}
              {errors[item.id] ? (
                <Alert type="error" showIcon title={errors[item.id]} className="points-error" />
              ) : null}
              {item.may.review ? (
                <div className="points-queue-actions">
                  <Button
                    type="primary"
                    size="large"
                    loading={busy === item.id}
                    disabled={busy !== null && busy !== item.id}
                    onClick={() => void decide(item, 'approve')}
                  >
                    {t('points.review.approve')}
                  </Button>
                  <Button
                    danger
                    size="large"
                    disabled={busy !== null}
                    onClick={() => setRejecting(item)}
                  >
                    {t('points.review.reject')}
                  </Button>
                </div>
              ) : mayReview ? (
                <p className="points-queue-note">{t('points.review.notYours')}</p>
              ) : null}
            </Card>
          ))}
        </div>
      )}
      {rejecting ? (
        <RejectModal
          item={rejecting}
          onClose={() => setRejecting(null)}
          onReject={async (reason) => {
            if (await decide(rejecting, 'reject', reason)) setRejecting(null);
          }}
          error={errors[rejecting.id]}
        />
      ) : null}
    </>
  );
}

function RejectModal({
  item,
  onClose,
  onReject,
  error,
}: {
  item: QueueItem;
  onClose: () => void;
  onReject: (reason: string) => Promise<void>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const fieldId = useId();
  const empty = reason.trim() === '';
  return (
    <Modal
      open
      title={t('points.review.rejectTitle', { name: item.memberName, item: item.item })}
      okText={t('points.review.rejectOk')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        setTouched(true);
        if (empty) return;
        setBusy(true);
        await onReject(reason.trim());
        setBusy(false);
      }}
    >
      <div className="points-field">
        <label htmlFor={fieldId}>{t('points.review.reason')}</label>
        <Input.TextArea
          id={fieldId}
          rows={3}
          maxLength={500}
          value={reason}
          status={touched && empty ? 'error' : undefined}
          placeholder={t('points.review.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />{' '}
      </div>
      {touched && empty ? (
        <div className="points-field-error">{t('points.review.reasonRequired')}</div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} className="points-error" /> : null}
    </Modal>
  );
}
