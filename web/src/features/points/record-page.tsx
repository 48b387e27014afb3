import { CameraOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Result, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type Branch,
  createRecord,
  listMembers,
  listRules,
  type Member,
  type Rule,
  uploadRecordEvidence,
} from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import {
  BranchGate,
  NoAccess,
  PointsNav,
  signed,
  todayIso,
  usePointsBranch,
} from './points-common.tsx';

/**
 * 记录积分, phone first (a village clerk at 390 px, one thumb): members, the rule item, the day
 * and a note, top to bottom in big tiles; the submit bar stays at the bottom of the screen.
 */
export default function RecordPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <div className="points-record-page">
      <PageHeader title={t('points.record.title')} />
      <PointsNav choice={choice} current="record" />
      <BranchGate choice={choice}>
        {(branch) =>
          branch.may.record ? (
            <RecordForm key={branch.id} branch={branch} />
          ) : (
            <NoAccess what={t('points.record.notClerk')} />
          )
        }
      </BranchGate>
    </div>
  );
}

interface Outcome {
  member: Member;
  ok: boolean;
  message?: string;
  /** The record went in but its photo did not. */
  photoFailed?: string;
}

// The server's limit on an evidence file (src/io/file-store.ts).
const PHOTO_MAX_BYTES = 20 * 1024 * 1024;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() - 1);
  return todayIso(d);
}

function RecordForm({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const errorText = useErrorMessage();
  const members = useRequest(`points:members:${branch.id}`, (signal) =>
    listMembers(branch.id, signal),
  );
  const rules = useRequest(`points:rules:${branch.id}`, (signal) => listRules(branch.id, signal));
  const today = todayIso();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [ruleId, setRuleId] = useState<number | null>(null);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [q, setQ] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  const active = useMemo(
    () => (members.data ?? []).filter((m) => m.status === 'active'),
    [members.data],
  );
  const shown = active.filter((m) => q.trim() === '' || m.name.includes(q.trim()));
  const byCategory = useMemo(() => {
    const groups = new Map<string, Rule[]>();
    for (const r of rules.data ?? []) {
      const list = groups.get(r.category) ?? [];
      list.push(r);
      groups.set(r.category, list);
    }
    return [...groups];
  }, [rules.data]);
  const rule = (rules.data ?? []).find((r) => r.id === ruleId);
  const problems: string[] = [];
  if (chosen.size === 0) problems.push(t('points.record.needMember'));
  if (!rule) problems.push(t('points.record.needRule'));
  if (!date) problems.push(t('points.record.needDate'));
  else if (date > today) problems.push(t('points.record.future'));
  if (photo && photo.size > PHOTO_MAX_BYTES) problems.push(t('points.record.photoTooLarge'));

  const toggle = (id: number) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async () => {
    if (problems.length > 0 || !rule) return;
    setBusy(true);
    const done: Outcome[] = [];
    // One record a member, each its own request: a refusal names the member it concerns.
    for (const member of active.filter((m) => chosen.has(m.id))) {
      try {
        const record = await createRecord({
          member: member.id,
          rule: rule.id,
          occurredOn: date,
          note: note.trim() || null,
        });
        let photoFailed: string | undefined;
        if (photo) {
          try {
            await uploadRecordEvidence(record.id, photo);
          } catch (e) {
            photoFailed = errorText(e);
          }
        }
        done.push({ member, ok: true, ...(photoFailed ? { photoFailed } : {}) });
      } catch (e) {
        done.push({ member, ok: false, message: errorText(e) });
      }
    }
    setBusy(false);
    setOutcomes(done);
    window.scrollTo(0, 0);
    // Those recorded leave the selection; those refused stay chosen to try again.
    setChosen(new Set(done.filter((o) => !o.ok).map((o) => o.member.id)));
  };

  if (members.error) return <RequestError error={members.error} onRetry={members.reload} />;
  if (rules.error) return <RequestError error={rules.error} onRetry={rules.reload} />;
  if (!members.data || !rules.data) return <Skeleton active />;

  const okCount = outcomes?.filter((o) => o.ok).length ?? 0;
  const failed = outcomes?.filter((o) => !o.ok) ?? [];
  if (outcomes)
    return (
      <Result
        className="points-record-result"
        status={failed.length === 0 ? 'success' : okCount > 0 ? 'warning' : 'error'}
        title={
          failed.length === 0
            ? t('points.record.sent', { count: okCount })
            : t('points.record.partly', { ok: okCount, failed: failed.length })
        }
        subTitle={failed.length === 0 ? t('points.record.sentHint') : undefined}
        extra={
          <div className="points-outcomes">
            {outcomes.map((o) => (
              <div key={o.member.id} className={o.ok ? 'ok' : 'failed'}>
                {o.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
                <span className="points-outcome-name">{o.member.name}</span>
                {o.message ? <span className="points-outcome-why">{o.message}</span> : null}
                {o.photoFailed ? (
                  <span className="points-outcome-why">
                    {t('points.record.photoFailed', { reason: o.photoFailed })}
                  </span>
                ) : null}
              </div>
            ))}
            <Button
              size="large"
              block
              onClick={() => {
                setOutcomes(null);
                setNote('');
                setPhoto(null);
              }}
            >
              {t('points.record.again')}
            </Button>
            <Link to={`/points/review?branch=${branch.id}`}>{t('points.record.toQueue')}</Link>
          </div>
        }
      />
    );
  return (
    <div className="points-record">
      <section className="points-step" aria-labelledby="step-members">
        <h2 id="step-members">
          <span className="points-step-no">1</span>
          {t('points.record.members')}
          <span className="points-step-count">
            {t('points.record.chosen', { count: chosen.size })}
          </span>
        </h2>
        <div className="points-step-tools">
          <Input
            allowClear
            size="large"
            placeholder={t('points.record.searchMember')}
            aria-label={t('points.record.searchMember')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <Button
            size="large"
            onClick={() =>
              setChosen((previous) =>
                shown.every((m) => previous.has(m.id))
                  ? new Set([...previous].filter((id) => !shown.some((m) => m.id === id)))
                  : new Set([...previous, ...shown.map((m) => m.id)]),
              )
            }
          >
            {shown.length > 0 && shown.every((m) => chosen.has(m.id))
              ? t('points.record.none')
              : t('points.record.all')}
          </Button>
        </div>
        {shown.length === 0 ? (
          <Empty description={t('points.record.noMembers')} />
        ) : (
          <div className="points-tiles points-member-tiles">
            {shown.map((m) => (
              <label key={m.id} className={chosen.has(m.id) ? 'points-tile on' : 'points-tile'}>
                <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} />
                <span>{m.name}</span>
              </label>
            ))}
          </div>
        )}
      </section>

      <section className="points-step" aria-labelledby="step-rule">
        <h2 id="step-rule">
          <span className="points-step-no">2</span>
          {t('points.record.rule')}
        </h2>
        {byCategory.length === 0 ? <Empty description={t('points.rules.none')} /> : null}
        {byCategory.map(([category, list]) => (
          <fieldset key={category} className="points-rule-group">
            <legend>{category}</legend>
            <div className="points-tiles points-rule-tiles">
              {list.map((r) => (
                <label
                  key={r.id}
                  className={r.id === ruleId ? 'points-tile rule on' : 'points-tile rule'}
                >
                  <input
                    type="radio"
                    name="rule"
                    checked={r.id === ruleId}
                    onChange={() => setRuleId(r.id)}
                  />
                  <span className="points-rule-item">{r.item}</span>
                  <span className={r.points < 0 ? 'points-value minus' : 'points-value plus'}>
                    {t('points.pointsOf', { points: signed(r.points) })}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </section>

      <section className="points-step" aria-labelledby="step-date">
        <h2 id="step-date">
          <span className="points-step-no">3</span>
          {t('points.record.date')}
        </h2>
        <div className="points-date">
          <Input
            type="date"
            size="large"
            value={date}
            max={today}
            aria-label={t('points.record.date')}
            onChange={(e) => setDate(e.target.value)}
          />
          <Button size="large" onClick={() => setDate(today)}>
            {t('points.record.today')}
          </Button>
          <Button size="large" onClick={() => setDate(dayBefore(today))}>
            {t('points.record.yesterday')}
          </Button>
        </div>
      </section>

      <section className="points-step" aria-labelledby="step-note">
        <h2 id="step-note">
          <span className="points-step-no">4</span>
          {t('points.record.note')}
        </h2>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          value={note}
          aria-label={t('points.record.note')}
          placeholder={t('points.record.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="points-hint">{t('points.record.noIdNumber')}</p>
      </section>

      <section className="points-step" aria-labelledby="step-photo">
        <h2 id="step-photo">
          <span className="points-step-no">5</span>
          {t('points.record.photo')}
        </h2>
        <label className="points-photo">
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
          />
          <CameraOutlined />
          <span>{photo ? photo.name : t('points.record.photoPick')}</span>
        </label>
        {photo ? (
          <div className="points-photo-chosen">
            <PhotoPreview file={photo} />
            <Button onClick={() => setPhoto(null)}>{t('points.record.photoRemove')}</Button>
          </div>
        ) : (
          <p className="points-hint">{t('points.record.photoHint')}</p>
        )}
      </section>

      <div className="points-submit-bar">
        {problems.length > 0 && chosen.size + (rule ? 1 : 0) > 0 ? (
          <Alert type="warning" showIcon title={problems[0]} className="points-submit-problem" />
        ) : null}
        <div className="points-submit-summary">
          {rule
            ? t('points.record.summary', {
                count: chosen.size,
                item: rule.item,
                points: signed(rule.points),
              })
            : t('points.record.summaryNoRule', { count: chosen.size })}
        </div>
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          disabled={problems.length > 0}
          onClick={() => void submit()}
        >
          {t('points.record.submit', { count: chosen.size })}
        </Button>
      </div>
    </div>
  );
}

/** A thumbnail of the chosen photo, so the clerk sees it is the right one. */
function PhotoPreview({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file.type.startsWith('image/')) return;
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return url ? <img src={url} alt="" className="points-photo-preview" /> : null;
}
