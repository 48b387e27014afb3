import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  message,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { parseRubric, type RubricProblem } from '../../../../src/core/rubric.ts';
import { ApiError } from '../../api/client.ts';
import {
  draftRubric,
  getContest,
  getRubric,
  publishRubric,
  type RubricVersion,
} from '../../api/contests.ts';
import { problemsOf } from '../../api/error-message.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { UnsavedGuard } from '../../hooks/use-unsaved-guard.tsx';
import { DryRun } from './dry-run.tsx';
import { problemText, RubricForm } from './rubric-form.tsx';
import { documentOf, formOf } from './rubric-form-model.ts';
import { RUBRIC_TEMPLATE } from './rubric-template.ts';
import { RubricView } from './rubric-view.tsx';
import { YamlEditor, type YamlEditorHandle } from './yaml-editor.tsx';

/**
 * 评分标准编辑: YAML on the left, checked as it is typed by the same engine the server uses
 * (every problem with its line), a readable preview and a dry run on the right; save as a draft
 * version, then publish (published versions are frozen).
 */
export default function RubricEditorPage() {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const [toast, toastHolder] = message.useMessage();
  const contest = useRequest(`contest:${id}`, (signal) => getContest(id, signal));
  const latest = useMemo(() => {
    const versions = contest.data?.rubricVersions ?? [];
    return versions.length ? versions.reduce((a, v) => Math.max(a, v.version), 0) : undefined;
  }, [contest.data]);
  const latestVersion = useRequest(
    contest.data && latest !== undefined ? `rubric:${contest.data.id}:${latest}` : null,
    (signal) => getRubric(contest.data!.id, latest!, signal),
  );
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState<RubricVersion | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [serverProblems, setServerProblems] = useState<RubricProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<YamlEditorHandle>(null);
  const [view, setView] = useState<'form' | 'yaml'>('form');

  // The editor starts from the latest version's text, or from the template for a new contest.
  useEffect(() => {
    if (text !== null || !contest.data) return;
    if (latest === undefined) setText(RUBRIC_TEMPLATE);
    else if (latestVersion.data) {
      setText(latestVersion.data.source);
      if (latestVersion.data.status === 'draft') setSaved(latestVersion.data);
    }
  }, [contest.data, latest, latestVersion.data, text]);

  const settled = useDebouncedValue(text ?? '', 200);
  const parsed = useMemo(() => parseRubric(settled), [settled]);
  // The rows as written, so a problem can name its indicator even when the rubric is invalid.
  const rows = useMemo(() => {
    const doc = documentOf(settled);
    return doc ? formOf(doc).indicators : [];
  }, [settled]);
  const problems = parsed.ok ? [] : parsed.problems;
  const problemLines = useMemo(
    () => new Set(problems.map((p) => p.line).filter((line): line is number => line !== undefined)),
    [problems],
  );
  const dirty = text !== null && text !== (saved?.source ?? latestVersion.data?.source);
  const savedIsDraft = !!saved && saved.status === 'draft' && !dirty;
  const current = saved ?? latestVersion.data;
  const alreadyPublished = !dirty && current?.status === 'published';

  if (contest.error !== undefined)
    return <RequestError error={contest.error} onRetry={contest.reload} />;
  if (latestVersion.error !== undefined) {
    return <RequestError error={latestVersion.error} onRetry={latestVersion.reload} />;
  }
  if (!contest.data || text === null) return <Skeleton active paragraph={{ rows: 12 }} />;
  const data = contest.data;
  if (!data.may.manage) {
    return <Result status="403" title={t('auth.forbiddenTitle')} subTitle={t('rubric.notYours')} />;
  }

  const fail = (caught: unknown) => {
    const listed = problemsOf<RubricProblem>(caught);
    setServerProblems(listed);
    setError(listed.length ? null : describe(caught));
  };

  const save = async (): Promise<RubricVersion | undefined> => {
    setBusy('save');
    setError(null);
    setServerProblems([]);
    try {
      const version = await draftRubric(data.id, text);
      setSaved(version);
      contest.reload();
      void toast.success(t('rubric.savedDraft', { version: version.version }));
      return version;
    } catch (caught) {
      fail(caught);
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    const version = savedIsDraft ? saved : await save();
    if (!version) return;
    setBusy('publish');
    try {
      const published = await publishRubric(data.id, version.version);
      setSaved(published);
      void toast.success(t('rubric.published', { version: published.version }));
      void navigate(`/contests/${data.id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'RUBRIC_FROZEN') setError(describe(caught));
      else fail(caught);
    } finally {
      setBusy(null);
    }
  };

  const shown = serverProblems.length ? serverProblems : problems;
  const edited = (value: string) => {
    setText(value);
    setServerProblems([]);
  };
  const status = (
    // Busy while the live check has not yet caught up with the text (the e2e tests wait on it).
    <div className="rubric-status" role="status" aria-live="polite" aria-busy={settled !== text}>
      {parsed.ok ? (
        <span className="rubric-ok">
          <CheckCircleFilled /> {t('rubric.valid', { count: parsed.rubric.indicators.length })}
        </span>
      ) : (
        <span className="rubric-bad">
          <CloseCircleFilled /> {t('rubric.invalid', { count: problems.length })}
        </span>
      )}
      {dirty ? (
        <Tag color="warning">{t('rubric.unsaved')}</Tag>
      ) : current ? (
        <Tag color={current.status === 'published' ? 'success' : 'default'}>
          {t(current.status === 'published' ? 'rubric.versionPublished' : 'rubric.versionDraft', {
            version: current.version,
          })}
        </Tag>
      ) : null}
    </div>
  );

  return (
    <>
      {toastHolder}
      <UnsavedGuard when={dirty && busy === null} />
      <div className="page-title-row">
        <PageHeader title={t('rubric.editorTitle')} subtitle={data.title} />
        <Space wrap>
          <Button onClick={() => navigate(`/contests/${data.id}`)}>
            {t('rubric.backToContest')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={busy === 'save'}
            disabled={!parsed.ok || !dirty}
          >
            {t('rubric.saveDraft')}
          </Button>
          <Popconfirm
            title={t('rubric.publishConfirmTitle')}
            description={t('rubric.publishConfirm')}
            okText={t('rubric.publish')}
            cancelText={t('common.cancel')}
            onConfirm={() => void publish()}
            disabled={!parsed.ok || alreadyPublished}
          >
            <Button
              type="primary"
              loading={busy === 'publish'}
              disabled={!parsed.ok || alreadyPublished}
              title={alreadyPublished ? t('rubric.alreadyPublished') : undefined}
            >
              {t('rubric.publish')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
      {(location.state as { created?: boolean } | null)?.created && latest === undefined ? (
        <Alert
          type="success"
          showIcon
          title={t('rubric.contestCreated')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" extra={status} className="rubric-editor-card">
            <Tabs
              activeKey={view}
              destroyOnHidden
              onChange={(key) => setView(key as 'form' | 'yaml')}
              items={[
                {
                  key: 'form',
                  label: t('rubric.form.tab'),
                  children: (
                    <RubricForm
                      text={text}
                      onChange={edited}
                      problems={shown}
                      groups={data.groups}
                    />
                  ),
                },
                {
                  key: 'yaml',
                  label: t('rubric.form.yamlTab'),
                  children: (
                    <>
                      <YamlEditor
                        ref={editor}
                        value={text}
                        onChange={edited}
                        problemLines={problemLines}
                        label={t('rubric.source')}
                      />
                      <p className="muted rubric-help">{t('rubric.help')}</p>
                    </>
                  ),
                },
              ]}
            />
            {shown.length ? (
              <ul className="rubric-problems" aria-label={t('rubric.problems')}>
                {shown.map((p) => (
                  <li key={`${p.line}:${p.field}:${p.code}:${p.message}`}>
                    {view === 'yaml' && p.line !== undefined ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => editor.current?.goToLine(p.line!)}
                      >
                        {t('rubric.line', { line: p.line })}
                      </button>
                    ) : null}
                    <span>{problemText(t, i18n.language, p, rows, view === 'yaml')}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" className="rubric-preview-card">
            <Tabs
              items={[
                {
                  key: 'preview',
                  label: t('rubric.preview'),
                  children: parsed.ok ? (
                    <RubricView
                      rubric={parsed.rubric}
                      evaluators={data.evaluators}
                      organizer={data.organizer}
                    />
                  ) : (
                    <Alert type="warning" showIcon title={t('rubric.previewNeedsFix')} />
                  ),
                },
                {
                  key: 'dryRun',
                  label: t('rubric.dryRun'),
                  children: (
                    <DryRun contest={data} rubric={parsed.ok ? parsed.rubric : undefined} />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
