import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Select,
  Space,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  CADENCES,
  type Cadence,
  type CreateContestInput,
  createContest,
  LONGHUBANG_CATEGORIES,
  OTHER_CATEGORIES,
} from '../../api/contests.ts';
import { listUnits, type UnitKind } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useErrorMessage } from '../../components/request-error.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';

const PARTICIPANT_KINDS: UnitKind[] = [
  'street',
  'town',
  'township',
  'village',
  'community',
  'department',
];

interface Fields {
  title: string;
  category: string;
  organizer: string;
  cadence: Cadence;
  description?: string;
  mode: 'rule' | 'list';
  under?: string;
  kinds?: UnitKind[];
  units?: string[];
  grouping: 'none' | 'kind';
  evaluators?: { indicator?: string; unit?: string }[];
}

/** Several units chosen by searching their names (the participants listed one by one). */
function UnitsSelect({
  value,
  onChange,
}: {
  value?: string[];
  onChange?: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const found = useRequest(query ? `units-multi:${query}` : null, (signal) =>
    listUnits({ q: query, limit: 20 }, signal),
  );
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options = [
    ...(value ?? [])
      .filter((code) => !found.data?.items.some((u) => u.code === code))
      .map((code) => ({ value: code, label: labels[code] ?? code })),
    ...(found.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
  ];
  return (
    <Select
      mode="multiple"
      value={value}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={t('common.typeToSearch')}
      options={options}
      notFoundContent={query ? t('common.noUnit') : t('common.typeToSearch')}
      onChange={(codes: string[]) => {
        const next = { ...labels };
        for (const option of options) next[option.value] = option.label;
        setLabels(next);
        setText('');
        onChange?.(codes);
      }}
    />
  );
}

/** 新建擂台赛: what, who runs it, how often, who takes part, how they are grouped, who scores what. */
export default function ContestFormPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const { session } = useSession();
  const [form] = Form.useForm<Fields>();
  const mode = Form.useWatch('mode', form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Fields) => {
    setSaving(true);
    setError(null);
    const evaluators: Record<string, string> = {};
    for (const row of values.evaluators ?? []) {
      if (row.indicator?.trim() && row.unit) evaluators[row.indicator.trim()] = row.unit;
    }
    const input: CreateContestInput = {
      title: values.title.trim(),
      category: values.category.trim(),
      organizer: values.organizer,
      cadence: values.cadence,
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      participants:
        values.mode === 'rule'
          ? { under: values.under ?? values.organizer, kinds: values.kinds ?? [] }
          : (values.units ?? []),
      ...(values.grouping === 'kind' ? { groups: 'kind' as const } : {}),
      ...(Object.keys(evaluators).length ? { evaluators } : {}),
    };
    try {
      const contest = await createContest(input);
      void navigate(`/contests/${contest.id}/rubric`, { state: { created: true } });
    } catch (caught) {
      setError(describe(caught));
      setSaving(false);
    }
  };

  const categories = [...LONGHUBANG_CATEGORIES, ...OTHER_CATEGORIES].map((value) => ({ value }));

  return (
    <>
      <PageHeader title={t('contests.createTitle')} subtitle={t('contests.createSubtitle')} />
      <Card className="form-card">
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form<Fields>
          form={form}
          layout="vertical"
          className="contest-form"
          initialValues={{
            cadence: 'month',
            mode: 'rule',
            organizer: session?.unit.code,
            under: session?.unit.code,
            kinds: ['street', 'town', 'township'],
            grouping: 'none',
            evaluators: [{}],
          }}
          onFinish={(values) => void submit(values)}
          scrollToFirstError
        >
          <Form.Item
            name="title"
            label={t('contests.fieldTitle')}
            rules={[{ required: true, whitespace: true, message: t('contests.titleRequired') }]}
          >
            <Input maxLength={200} placeholder={t('contests.titlePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('contests.category')}
            extra={t('contests.categoryHint')}
            rules={[{ required: true, whitespace: true, message: t('contests.categoryRequired') }]}
          >
            <AutoComplete
              options={categories}
              maxLength={50}
              placeholder={t('contests.categoryPlaceholder')}
            />
          </Form.Item>
          <Space wrap size="large" align="start">
            <Form.Item
              name="organizer"
              label={t('contests.organizer')}
              rules={[{ required: true, message: t('contests.organizerRequired') }]}
            >
              <UnitPicker
                style={{ width: 300 }}
                initialLabel={session?.unit.name}
                allowClear={false}
              />
            </Form.Item>
            <Form.Item name="cadence" label={t('contests.cadence')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={CADENCES.map((c) => ({ value: c, label: t(`contests.cadences.${c}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('contests.description')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>

          <fieldset className="form-fieldset">
            <legend>{t('contests.participants')}</legend>
            <Form.Item name="mode">
              <Radio.Group
                options={[
                  { value: 'rule', label: t('contests.byRule') },
                  { value: 'list', label: t('contests.byList') },
                ]}
              />
            </Form.Item>
            {mode === 'list' ? (
              <Form.Item
                name="units"
                label={t('contests.participantUnits')}
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('contests.participantsRequired'),
                  },
                ]}
              >
                <UnitsSelect />
              </Form.Item>
            ) : (
              <Space wrap size="large" align="start">
                <Form.Item
                  name="under"
                  label={t('contests.under')}
                  rules={[{ required: true, message: t('contests.organizerRequired') }]}
                >
                  <UnitPicker
                    style={{ width: 300 }}
                    initialLabel={session?.unit.name}
                    allowClear={false}
                  />
                </Form.Item>
                <Form.Item
                  name="kinds"
                  label={t('contests.kinds')}
                  rules={[
                    { required: true, type: 'array', min: 1, message: t('contests.kindsRequired') },
                  ]}
                >
                  <Checkbox.Group
                    options={PARTICIPANT_KINDS.map((kind) => ({
                      value: kind,
                      label: t(`units.kinds.${kind}`),
                    }))}
                  />
                </Form.Item>
              </Space>
            )}
            <Form.Item
              name="grouping"
              label={t('contests.grouping')}
              extra={t('contests.groupingHint')}
            >
              <Radio.Group
                options={[
                  { value: 'none', label: t('contests.noGroups') },
                  { value: 'kind', label: t('contests.groupByKind') },
                ]}
              />
            </Form.Item>
          </fieldset>

          <fieldset className="form-fieldset">
            <legend>{t('contests.leads')}</legend>
            <p className="muted">{t('contests.leadsHint')}</p>
            <Form.List name="evaluators">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="start" wrap className="evaluator-row">
                      <Form.Item
                        name={[field.name, 'indicator']}
                        rules={[
                          {
                            pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/,
                            message: t('contests.indicatorCodeHint'),
                          },
                        ]}
                      >
                        <Input
                          placeholder={t('contests.indicatorCode')}
                          aria-label={t('contests.indicatorCodeN', { n: index + 1 })}
                          style={{ width: 120 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unit']}>
                        <UnitPicker
                          style={{ width: 300 }}
                          placeholder={t('contests.leadUnit')}
                          aria-label={t('contests.leadUnitN', { n: index + 1 })}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('contests.addLead')}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>

          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('contests.createAndWriteRubric')}
            </Button>
            <Button onClick={() => navigate('/contests')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
