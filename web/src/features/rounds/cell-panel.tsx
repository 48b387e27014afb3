import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../src/core/rubric.ts';
import type { Participant } from '../../api/contests.ts';
import {
  type Entries,
  type Entry,
  evidenceUrl,
  type Round,
  recordVerification,
  uploadEvidence,
} from '../../api/rounds.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { formatBytes, formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { methodText } from '../rubrics/rubric-text.ts';
import { cellKey, type Draft, mayEdit } from './entry-model.ts';

const ACCEPT = '.png,.jpg,.jpeg,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et';
const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  round: Round;
  unit: Participant;
  indicator: Indicator;
  entries: Entries;
  entry: Entry | undefined;
  draft: Draft | undefined;
  /** The user may record verifications of this indicator now (the round's `may.verify`). */
  mayVerify: boolean;
  onNote: (note: string) => void;
  /** After an upload or a verification: read the entries again. */
  onChanged: () => Promise<void> | void;
}

interface VerifyFields {
  kind: 'daily' | 'field_check';
  date: Dayjs;
  finding: string;
}

/** One cell in detail: value, note, evidence files (upload) and verifications (record). */
export function CellPanel({
  round,
  unit,
  indicator,
  entries,
  entry,
  draft,
  mayVerify,
  onNote,
  onChanged,
}: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const key = cellKey(unit.code, indicator.code);
  const editable = mayEdit(entries, unit.code, indicator.code);
  const files = entries.evidence.filter((f) => cellKey(f.unit, f.indicator) === key);
  const checks = entries.verifications.filter((v) => cellKey(v.unit, v.indicator) === key);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verified, setVerified] = useState(false);
  const [form] = Form.useForm<VerifyFields>();
  const canVerify = mayVerify && entry !== undefined;

  const upload = async (file: File) => {
    setUploadError(null);
    if (file.size > MAX_BYTES) {
      setUploadError(t('rounds.cell.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      await uploadEvidence(round.id, unit.code, indicator.code, file);
      await onChanged();
    } catch (caught) {
      setUploadError(describe(caught));
    } finally {
      setUploading(false);
    }
  };

  const verify = async (values: VerifyFields) => {
    setVerifying(true);
    setVerifyError(null);
    setVerified(false);
    try {
      await recordVerification(round.id, {
        unit: unit.code,
        indicator: indicator.code,
        kind: values.kind,
        date: values.date.format('YYYY-MM-DD'),
        finding: values.finding.trim(),
      });
      form.resetFields(['finding']);
      setVerified(true);
      await onChanged();
    } catch (caught) {
      setVerifyError(describe(caught));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section className="cell-panel" aria-label={t('rounds.cell.title')}>
      <h3 className="cell-panel-title">
        {unit.name} · <Tag>{indicator.code}</Tag>
        {indicator.name}
      </h3>
      <p className="muted">{methodText(t, indicator)}</p>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'value',
            label: t('rounds.cell.value'),
            children:
              indicator.kind === 'veto'
                ? entry?.value === 1
                  ? t('common.yes')
                  : entry?.value === 0
                    ? t('common.no')
                    : '—'
                : formatNumber(entry?.value, 6),
          },
          {
            key: 'at',
            label: t('rounds.cell.enteredAt'),
            children: formatDateTime(entry?.enteredAt),
          },
          { key: 'version', label: t('rounds.cell.version'), children: entry?.version ?? 0 },
        ]}
      />
      <label className="field-label" htmlFor={`note-${key}`}>
        {t('rounds.cell.note')}
      </label>
      <Input.TextArea
        id={`note-${key}`}
        rows={2}
        maxLength={2000}
        disabled={!editable}
        placeholder={editable ? t('rounds.cell.notePlaceholder') : ''}
        value={draft?.note ?? entry?.note ?? ''}
        onChange={(event) => onNote(event.target.value)}
      />

      <h4 className="cell-panel-sub">{t('rounds.cell.evidence', { count: files.length })}</h4>
      {files.length ? (
        <List
          size="small"
          dataSource={files}
          renderItem={(file) => (
            <List.Item>
              <a href={evidenceUrl(file.id)} download={file.filename}>
                <FileOutlined /> {file.filename}
              </a>
              <span className="muted">
                {formatBytes(file.size)} · {formatDateTime(file.uploadedAt)}
              </span>
            </List.Item>
          )}
        />
      ) : (
        <p className="muted">{t('rounds.cell.noEvidence')}</p>
      )}
      {editable ? (
        <>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t('rounds.cell.upload')}
            </Button>
          </Upload>
          <p className="muted small">{t('rounds.cell.uploadHint')}</p>
        </>
      ) : null}
      {uploadError ? <Alert type="error" showIcon title={uploadError} /> : null}

      <h4 className="cell-panel-sub">{t('rounds.cell.checks', { count: checks.length })}</h4>
      {checks.length ? (
        <List
          size="small"
          dataSource={checks}
          renderItem={(check) => (
            <List.Item>
              <div>
                <Tag color={check.kind === 'field_check' ? 'volcano' : 'blue'}>
                  {t(`rounds.verify.kinds.${check.kind}`)}
                </Tag>
                {formatDate(check.checkedOn)} · {check.by}
                <div>{check.finding}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <p className="muted">{t('rounds.cell.noChecks')}</p>
      )}
      {mayVerify && entry === undefined ? (
        <p className="muted">{t('rounds.verify.nothingYet')}</p>
      ) : null}
      {canVerify ? (
        <Form<VerifyFields>
          form={form}
          layout="vertical"
          className="verify-form"
          initialValues={{ kind: 'field_check', date: dayjs() }}
          onFinish={(values) => void verify(values)}
        >
          <Form.Item name="kind" label={t('rounds.verify.kind')}>
            <Radio.Group
              options={[
                { value: 'field_check', label: t('rounds.verify.kinds.field_check') },
                { value: 'daily', label: t('rounds.verify.kinds.daily') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('rounds.verify.date')}
            rules={[{ required: true, message: t('rounds.verify.dateRequired') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="finding"
            label={t('rounds.verify.finding')}
            rules={[
              { required: true, whitespace: true, message: t('rounds.verify.findingRequired') },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={5000}
              placeholder={t('rounds.verify.findingPlaceholder')}
            />
          </Form.Item>
          {verifyError ? (
            <Alert type="error" showIcon title={verifyError} style={{ marginBottom: 12 }} />
          ) : null}
          {verified ? (
            <Alert
              type="success"
              showIcon
              title={t('rounds.verify.saved')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Button htmlType="submit" loading={verifying}>
            {t('rounds.verify.submit')}
          </Button>
        </Form>
      ) : null}
      {!editable && !canVerify && files.length === 0 && checks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rounds.cell.readOnly')} />
      ) : null}
    </section>
  );
}
