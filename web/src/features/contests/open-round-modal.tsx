import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../api/contests.ts';
import { openRound, type Round } from '../../api/rounds.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { nextPeriod, PERIOD_EXAMPLES, PERIOD_PATTERNS, periodOf } from '../../lib/period.ts';

interface Fields {
  period: string;
  deadline?: Dayjs | null;
}

/** 开启新一期: the period (suggested: the one after the latest round) and a deadline. */
export function OpenRoundModal({
  contest,
  onClose,
  onOpened,
}: {
  contest: Contest;
  onClose: () => void;
  onOpened: (round: Round) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = [...contest.rounds].sort((a, b) => b.period.localeCompare(a.period))[0];
  const suggested = latest ? nextPeriod(contest.cadence, latest.period) : periodOf(contest.cadence);

  const submit = async (values: Fields) => {
    setSaving(true);
    setError(null);
    try {
      const round = await openRound(contest.id, {
        period: values.period.trim(),
        ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
      });
      onOpened(round);
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('contests.openRound')}
      okText={t('contests.openRoundOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ period: suggested }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="period"
          label={t('contests.period')}
          extra={t('contests.periodHint', { example: PERIOD_EXAMPLES[contest.cadence] })}
          rules={[
            { required: true, message: t('contests.periodRequired') },
            {
              pattern: PERIOD_PATTERNS[contest.cadence],
              message: t('contests.periodHint', { example: PERIOD_EXAMPLES[contest.cadence] }),
            },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('contests.deadline')}
          extra={t('contests.deadlineHint')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
