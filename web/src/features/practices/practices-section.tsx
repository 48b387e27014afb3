import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  message,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Contest } from '../../api/contests.ts';
import {
  createPractice,
  listPractices,
  type ManagedPractice,
  type PracticeInput,
  setPracticePublished,
  updatePractice,
} from '../../api/practices.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { formatDate } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';
import { RichTextEditor } from './rich-text-editor.tsx';

interface FormValues {
  unit: string;
  round?: number | null;
  title: string;
  summary?: string;
}

/** Whether the HTML holds anything a reader would see. */
function hasContent(html: string): boolean {
  if (/<img\b/i.test(html)) return true;
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').trim().length > 0;
}

function PracticeDrawer({
  contest,
  practice,
  onClose,
  onSaved,
}: {
  contest: Contest;
  /** The practice to edit; null to write a new one. */
  practice: ManagedPractice | null;
  onClose: () => void;
  onSaved: (practice: ManagedPractice) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorMessage();
  const [messageApi, messageHolder] = message.useMessage();
  const [form] = Form.useForm<FormValues>();
  const [current, setCurrent] = useState<ManagedPractice | null>(practice);
  const [body, setBody] = useState(practice?.bodyHtml ?? '');
  const [showSaved, setShowSaved] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [bodyError, setBodyError] = useState(false);
  const unitCode = (id: number | undefined) => contest.participants.find((p) => p.id === id)?.code;

  const save = async (values: FormValues) => {
    if (!hasContent(body)) {
      setBodyError(true);
      return;
    }
    setBusy(true);
    const input: PracticeInput = {
      unit: values.unit,
      round: values.round ?? null,
      title: values.title,
      bodyHtml: body,
      ...(values.summary?.trim() ? { summary: values.summary.trim() } : {}),
    };
    try {
      const saved = current
        ? await updatePractice(current.id, input)
        : await createPractice(contest.id, input);
      setCurrent(saved);
      setBody(saved.bodyHtml);
      setShowSaved(true);
      void messageApi.success(t('practices.saved'));
      onSaved(saved);
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const togglePublished = async () => {
    if (!current) return;
    setBusy(true);
    try {
      const changed = await setPracticePublished(current.id, current.status !== 'published');
      setCurrent(changed);
      void messageApi.success(
        changed.status === 'published' ? t('practices.published') : t('practices.withdrawn'),
      );
      onSaved(changed);
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const rounds = [...contest.rounds].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <Drawer
      open
      size="large"
      title={current ? t('practices.editTitle') : t('practices.writeTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        showSaved && current ? (
          <Space>
            <Button
              onClick={() => {
                setShowSaved(false);
                setEditorKey((k) => k + 1);
              }}
            >
              {t('practices.continueEdit')}
            </Button>
            <Button type="primary" loading={busy} onClick={togglePublished}>
              {current.status === 'published' ? t('practices.withdraw') : t('practices.publish')}
            </Button>
          </Space>
        ) : (
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        )
      }
    >
      {messageHolder}
      {showSaved && current ? (
        <div className="practice-saved">
          <Alert type="success" showIcon title={t('practices.savedNote')} />
          <h2>{current.title}</h2>
          <p>
            <Tag color={current.status === 'published' ? 'green' : 'default'}>
              {t(`practices.statuses.${current.status}`)}
            </Tag>
            {current.status === 'published' ? (
              <Link to={`/public/practices/${current.id}`}>{t('practices.viewPublic')}</Link>
            ) : null}
          </p>
          {current.summary ? <p className="practice-summary">{current.summary}</p> : null}
          <article
            className="practice-body"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server
            dangerouslySetInnerHTML={{ __html: current.bodyHtml }}
          />
        </div>
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            unit: unitCode(current?.unitId),
            round: current?.roundId ?? null,
            title: current?.title ?? '',
            summary: current?.summary ?? '',
          }}
        >
          <Form.Item
            name="unit"
            label={t('practices.unit')}
            rules={[{ required: true, message: t('practices.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={contest.participants.map((p) => ({ value: p.code, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="round" label={t('practices.round')}>
            <Select
              options={[
                { value: null, label: t('practices.noRound') },
                ...rounds.map((r) => ({ value: r.id, label: periodText(r.period, i18n.language) })),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('practices.title')}
            rules={[{ required: true, whitespace: true, message: t('practices.titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="summary" label={t('practices.summary')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item
            label={t('practices.body')}
            required
            htmlFor="practice-body-editor"
            validateStatus={bodyError ? 'error' : undefined}
            help={bodyError ? t('practices.bodyRequired') : undefined}
          >
            <RichTextEditor
              key={editorKey}
              id="practice-body-editor"
              initialHtml={body}
              onChange={(html) => {
                setBody(html);
                if (bodyError && hasContent(html)) setBodyError(false);
              }}
            />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}

/** 经验做法 of a contest, for its organizers: drafts and published write-ups, written here. */
export default function PracticesSection({ contest }: { contest: Contest }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorMessage();
  const [messageApi, messageHolder] = message.useMessage();
  const list = useRequest(`practices:${contest.id}`, (signal) => listPractices(contest.id, signal));
  const [editing, setEditing] = useState<ManagedPractice | 'new' | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const units = useMemo(
    () => new Map(contest.participants.map((p) => [p.id, p.name])),
    [contest.participants],
  );
  const periods = useMemo(
    () => new Map(contest.rounds.map((r) => [r.id, r.period])),
    [contest.rounds],
  );

  const toggle = async (practice: ManagedPractice) => {
    setBusyId(practice.id);
    try {
      const changed = await setPracticePublished(practice.id, practice.status !== 'published');
      void messageApi.success(
        changed.status === 'published' ? t('practices.published') : t('practices.withdrawn'),
      );
      list.reload();
    } catch (error) {
      void messageApi.error(errorText(error));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<ManagedPractice> = [
    {
      key: 'title',
      title: t('practices.title'),
      render: (_: unknown, p) => (
        <Button type="link" className="link-button" onClick={() => setEditing(p)}>
          {p.title}
        </Button>
      ),
    },
    {
      key: 'unit',
      title: t('practices.unit'),
      width: 160,
      render: (_: unknown, p) => units.get(p.unitId) ?? '—',
    },
    {
      key: 'round',
      title: t('practices.round'),
      width: 120,
      render: (_: unknown, p) => {
        const period = p.roundId ? periods.get(p.roundId) : undefined;
        return period ? periodText(period, i18n.language) : '—';
      },
    },
    {
      key: 'status',
      title: t('practices.status'),
      width: 100,
      render: (_: unknown, p) => (
        <Tag color={p.status === 'published' ? 'green' : 'default'}>
          {t(`practices.statuses.${p.status}`)}
        </Tag>
      ),
    },
    {
      key: 'publishedAt',
      title: t('practices.publishedAt'),
      width: 120,
      render: (_: unknown, p) => (p.status === 'published' ? formatDate(p.publishedAt) : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 240,
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(p)}>
            {t('common.edit')}
          </Button>
          <Button size="small" loading={busyId === p.id} onClick={() => void toggle(p)}>
            {p.status === 'published' ? t('practices.withdraw') : t('practices.publish')}
          </Button>
          {p.status === 'published' ? (
            <Link to={`/public/practices/${p.id}`}>{t('practices.viewPublic')}</Link>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      {messageHolder}
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('practices.write')}
        </Button>
      </Space>
      {list.error !== undefined ? (
        <RequestError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ManagedPractice>
          className="practices-table"
          size="small"
          bordered
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={(list.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('practices.empty') }}
          scroll={{ x: 800 }}
        />
      )}
      {editing ? (
        <PracticeDrawer
          contest={contest}
          practice={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => list.reload()}
        />
      ) : null}
    </>
  );
}
