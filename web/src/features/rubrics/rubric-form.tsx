import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
} from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from 'yaml';
import { RATIO_UNIT } from '../../../../src/core/number-text.ts';
import type { RubricProblem } from '../../../../src/core/rubric.ts';
import { problemText as problemWords } from '../../api/error-message.ts';
import {
  addIndicator,
  documentOf,
  FORM_METHODS,
  type FormIndicator,
  type FormMethod,
  formOf,
  moveIndicator,
  nextCode,
  type Path,
  parsePath,
  problemAt,
  removeIndicator,
  setMethod,
  setValue,
} from './rubric-form-model.ts';

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

/** One field's name in words: 满分, 目标值, 最少参评单位数. */
function fieldText(t: TFunction, key: string): string {
  return t(`rubric.form.fields.${key}`, { defaultValue: key });
}

/** A field's name in words: 满分, 目标值, 分档第 2 档门槛, 红旗规则·前几名. */
function fieldLabel(t: TFunction, path: Path): string {
  const [head, ...rest] = path;
  if (head === 'indicators' && typeof rest[0] === 'number') {
    const [, key, band, part] = rest;
    if (key === undefined) return '';
    if (key === 'bands' && typeof band === 'number') {
      return t(part === 1 ? 'rubric.form.bandScoreOf' : 'rubric.form.bandThresholdOf', {
        n: band + 1,
      });
    }
    return t(`rubric.form.fields.${String(key)}`, { defaultValue: String(key) });
  }
  if (head === 'flags') {
    const [rule, key] = rest;
    if (rule === 'minGroup') return t('rubric.form.fields.minGroup');
    const ruleName = t(rule === 'red' ? 'rubric.form.redRule' : 'rubric.form.yellowRule');
    return key === undefined
      ? ruleName
      : `${ruleName}·${t(`rubric.form.fields.${String(key)}`, { defaultValue: String(key) })}`;
  }
  if (head === undefined) return '';
  return t(`rubric.form.fields.${String(head)}`, { defaultValue: String(head) });
}

/** The problem's own words, in the reader's language; the bare "缺少x" made plain. */
function reason(t: TFunction, problem: RubricProblem, language: string): string {
  if (problem.code === 'REQUIRED') return t('rubric.form.required');
  if (problem.code === 'NOT_A_NUMBER') return t('rubric.form.notANumber');
  if (problem.code === 'NOT_TEXT') return t('rubric.form.notText');
  return problemWords(problem, t, language);
}

/**
 * A validator problem as a reader of the form needs it: the row (1-based, as the table shows
 * it), the indicator's name and the field in words — "第 3 行 指标“后备干部人数”（满分）：分值必须
 * 大于0" — never `indicators[2].points`. `rows` are the indicators as written.
 */
export function problemText(
  t: TFunction,
  language: string,
  problem: RubricProblem,
  rows: readonly FormIndicator[],
  /** The text view: the line is shown beside, so the indicator is named by its code instead. */
  byLine = false,
): string {
  const path = parsePath(problem.field);
  const why = reason(t, problem, language);
  const field = fieldLabel(t, path);
  if (path[0] === 'indicators' && typeof path[1] === 'number') {
    const row = rows[path[1]];
    const name = str(row?.name).trim() || str(row?.code).trim();
    const where = byLine
      ? t('rubric.form.indicatorNamed', { name: name || String(path[1] + 1) })
      : name
        ? t('rubric.form.rowNamed', { row: path[1] + 1, name })
        : t('rubric.form.row', { row: path[1] + 1 });
    return field ? `${where}（${field}）：${why}` : `${where}：${why}`;
  }
  return field ? `${field}：${why}` : why;
}

interface Props {
  text: string;
  onChange: (text: string) => void;
  problems: RubricProblem[];
  /** The contest's groups: each is ranked and flagged on its own. */
  groups: string[];
}

/**
 * The rubric as a form: settings, an indicator table (a method select with every scoring method
 * of DESIGN §3, the fields each method takes, unit and plausible range) and the flag rules. Each
 * edit rewrites the YAML document in place (./rubric-form-model.ts), so the advanced text view
 * always shows what the form holds.
 */
export function RubricForm({ text, onChange, problems, groups }: Props) {
  const { t } = useTranslation();
  const doc = useMemo(() => documentOf(text), [text]);
  const form = useMemo(() => (doc ? formOf(doc) : undefined), [doc]);
  if (!doc || !form) {
    return <Alert type="warning" showIcon title={t('rubric.form.syntaxFirst')} />;
  }

  const edit = (change: (d: Document) => void) => {
    // A fresh document each time: the memoised one belongs to the text on screen.
    const next = documentOf(text);
    if (!next) return;
    change(next);
    onChange(next.toString());
  };
  const set = (path: Path, value: unknown) => edit((d) => setValue(d, path, value));
  const status = (path: Path) => (problemAt(problems, path) ? 'error' : undefined);
  const rowLabel = (row: number, field: string) =>
    t('rubric.form.rowField', { row: row + 1, field: fieldText(t, field) });
  /** A row's number field: named in full for screen readers, the field alone as its hint. */
  const rowNumber = (row: number, field: string, value: unknown) =>
    numberField(['indicators', row, field], rowLabel(row, field), value, {
      placeholder: fieldText(t, field),
    });

  const numberField = (
    path: Path,
    label: string,
    value: unknown,
    extra?: { min?: number; placeholder?: string },
  ) => (
    <InputNumber
      aria-label={label}
      placeholder={extra?.placeholder ?? label}
      value={num(value)}
      status={status(path)}
      min={extra?.min}
      onChange={(v) => set(path, v)}
      style={{ width: '100%' }}
    />
  );

  const params = (item: FormIndicator, row: number): ReactNode => {
    const at = (key: string): Path => ['indicators', row, key];
    const r = item.raw;
    switch (item.method) {
      case 'target':
        return rowNumber(row, 'target', r.target);
      case 'rank':
        return (
          <Space.Compact block>
            {rowNumber(row, 'step', r.step)}
            {rowNumber(row, 'floor', r.floor)}
          </Space.Compact>
        );
      case 'bands': {
        const bands = Array.isArray(r.bands) ? (r.bands as unknown[]) : [];
        return (
          <div className="rubric-bands">
            {bands.map((band, j) => {
              const pair = Array.isArray(band) ? band : [];
              const write = (part: 0 | 1, v: number | null) => {
                const copy = bands.map((b) => (Array.isArray(b) ? [...b] : [null, null]));
                copy[j]![part] = v;
                set(at('bands'), copy);
              };
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a band is its place in the list
                <Space.Compact key={j} block>
                  <InputNumber
                    aria-label={t('rubric.form.bandThreshold', { row: row + 1, n: j + 1 })}
                    placeholder={t('rubric.form.threshold')}
                    value={num(pair[0])}
                    status={status(['indicators', row, 'bands', j, 0])}
                    onChange={(v) => write(0, v)}
                  />
                  <InputNumber
                    aria-label={t('rubric.form.bandScore', { row: row + 1, n: j + 1 })}
                    placeholder={t('rubric.form.score')}
                    value={num(pair[1])}
                    status={status(['indicators', row, 'bands', j, 1])}
                    onChange={(v) => write(1, v)}
                  />
                  <Tooltip title={t('rubric.form.removeBand')}>
                    <Button
                      aria-label={t('rubric.form.removeBandOf', { row: row + 1, n: j + 1 })}
                      icon={<DeleteOutlined />}
                      disabled={bands.length <= 1}
                      onClick={() =>
                        set(
                          at('bands'),
                          bands.filter((_, k) => k !== j),
                        )
                      }
                    />
                  </Tooltip>
                </Space.Compact>
              );
            })}
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              aria-label={t('rubric.form.addBandOf', { row: row + 1 })}
              onClick={() => set(at('bands'), [...bands, [null, null]])}
            >
              {t('rubric.form.addBand')}
            </Button>
          </div>
        );
      }
      case 'bonus':
      case 'deduction':
        return rowNumber(row, 'cap', r.cap);
      default:
        return <span className="muted">—</span>;
    }
  };

  const scored = (m: FormMethod | undefined) =>
    m !== undefined && m !== 'bonus' && m !== 'deduction' && m !== 'veto';

  const columns: TableColumnsType<FormIndicator> = [
    {
      key: 'row',
      title: t('rubric.form.rowNo'),
      width: 44,
      align: 'center',
      render: (_: unknown, __, row) => row + 1,
    },
    {
      key: 'code',
      title: t('rubric.code'),
      width: 76,
      render: (_: unknown, item, row) => (
        <Input
          aria-label={rowLabel(row, 'code')}
          value={str(item.code)}
          status={status(['indicators', row, 'code'])}
          onChange={(e) => set(['indicators', row, 'code'], e.target.value)}
        />
      ),
    },
    {
      key: 'name',
      title: t('rubric.name'),
      width: 180,
      render: (_: unknown, item, row) => (
        <Input
          aria-label={rowLabel(row, 'name')}
          value={str(item.name)}
          status={status(['indicators', row, 'name'])}
          onChange={(e) => set(['indicators', row, 'name'], e.target.value)}
        />
      ),
    },
    {
      key: 'method',
      title: t('rubric.method'),
      width: 116,
      render: (_: unknown, item, row) => (
        <Select<FormMethod>
          aria-label={rowLabel(row, 'method')}
          value={item.method}
          status={status(['indicators', row, 'method']) ?? status(['indicators', row, 'kind'])}
          placeholder={t('rubric.form.pickMethod')}
          style={{ width: '100%' }}
          options={FORM_METHODS.map((m) => ({
            value: m,
            label: t(
              m === 'bonus' || m === 'deduction' || m === 'veto'
                ? `rubric.kinds.${m}`
                : `rubric.methods.${m}`,
            ),
          }))}
          onChange={(m) => edit((d) => setMethod(d, row, m))}
        />
      ),
    },
    {
      key: 'points',
      title: t('rubric.form.pointsOrPer'),
      width: 88,
      render: (_: unknown, item, row) =>
        scored(item.method)
          ? rowNumber(row, 'points', item.raw.points)
          : item.method === 'bonus' || item.method === 'deduction'
            ? rowNumber(row, 'per', item.raw.per)
            : '—',
    },
    {
      key: 'params',
      title: t('rubric.form.params'),
      width: 210,
      render: (_: unknown, item, row) => params(item, row),
    },
    {
      key: 'better',
      title: t('rubric.direction'),
      width: 104,
      render: (_: unknown, item, row) =>
        scored(item.method) && item.method !== 'manual' ? (
          <Select
            aria-label={rowLabel(row, 'better')}
            value={item.raw.better === 'lower' ? 'lower' : 'higher'}
            status={status(['indicators', row, 'better'])}
            style={{ width: '100%' }}
            options={[
              { value: 'higher', label: t('rubric.higher') },
              { value: 'lower', label: t('rubric.lower') },
            ]}
            onChange={(v) => set(['indicators', row, 'better'], v === 'lower' ? 'lower' : null)}
          />
        ) : (
          '—'
        ),
    },
    {
      key: 'unit',
      title: t('rubric.form.unitAndRange'),
      width: 180,
      render: (_: unknown, item, row) => {
        if (!scored(item.method)) return '—';
        const plausible = Array.isArray(item.raw.plausible) ? item.raw.plausible : [];
        const writeRange = (part: 0 | 1, v: number | null) => {
          const next: (number | null)[] = [num(plausible[0]), num(plausible[1])];
          next[part] = v;
          set(['indicators', row, 'plausible'], next[0] === null && next[1] === null ? null : next);
        };
        return (
          <div className="rubric-unit">
            <Input
              aria-label={rowLabel(row, 'unit')}
              placeholder={t('rubric.form.unitHint')}
              value={item.raw.unit === RATIO_UNIT ? t('rubric.form.ratio') : str(item.raw.unit)}
              status={status(['indicators', row, 'unit'])}
              onChange={(e) =>
                set(
                  ['indicators', row, 'unit'],
                  e.target.value.trim() === t('rubric.form.ratio') ? RATIO_UNIT : e.target.value,
                )
              }
            />
            <Space.Compact block>
              <InputNumber
                aria-label={t('rubric.form.plausibleLow', { row: row + 1 })}
                placeholder={t('rubric.form.low')}
                value={num(plausible[0])}
                status={status(['indicators', row, 'plausible'])}
                onChange={(v) => writeRange(0, v)}
              />
              <InputNumber
                aria-label={t('rubric.form.plausibleHigh', { row: row + 1 })}
                placeholder={t('rubric.form.high')}
                value={num(plausible[1])}
                status={status(['indicators', row, 'plausible'])}
                onChange={(v) => writeRange(1, v)}
              />
            </Space.Compact>
          </div>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 112,
      render: (_: unknown, __, row) => (
        <Space.Compact>
          <Tooltip title={t('rubric.form.moveUp')}>
            <Button
              aria-label={t('rubric.form.moveUpOf', { row: row + 1 })}
              icon={<ArrowUpOutlined />}
              disabled={row === 0}
              onClick={() => edit((d) => moveIndicator(d, row, -1))}
            />
          </Tooltip>
          <Tooltip title={t('rubric.form.moveDown')}>
            <Button
              aria-label={t('rubric.form.moveDownOf', { row: row + 1 })}
              icon={<ArrowDownOutlined />}
              disabled={row === form.indicators.length - 1}
              onClick={() => edit((d) => moveIndicator(d, row, 1))}
            />
          </Tooltip>
          <Tooltip title={t('rubric.form.remove')}>
            <Button
              danger
              aria-label={t('rubric.form.removeOf', { row: row + 1 })}
              icon={<DeleteOutlined />}
              onClick={() => edit((d) => removeIndicator(d, row))}
            />
          </Tooltip>
        </Space.Compact>
      ),
    },
  ];

  const flags = form.flags;
  const red = (flags.red ?? {}) as Record<string, unknown>;
  const yellow = (flags.yellow ?? {}) as Record<string, unknown>;
  const flagField = (rule: 'red' | 'yellow', key: string, value: unknown) => (
    <div className="rubric-form-field" key={`${rule}.${key}`}>
      <span>{fieldText(t, key)}</span>
      {numberField(
        ['flags', rule, key],
        `${t(rule === 'red' ? 'rubric.form.redRule' : 'rubric.form.yellowRule')}${fieldText(t, key)}`,
        value,
        { placeholder: t('rubric.form.notSet') },
      )}
    </div>
  );
  const codes = form.indicators
    .filter((i) => i.method !== 'veto')
    .map((i) => str(i.code).trim())
    .filter(Boolean);
  const tieBreak = Array.isArray(form.raw.tieBreak) ? form.raw.tieBreak.map(str) : [];

  return (
    <div className="rubric-form">
      <section className="rubric-form-section" aria-label={t('rubric.form.settings')}>
        <div className="rubric-form-field wide">
          <span>{t('rubric.title')}</span>
          <Input
            aria-label={t('rubric.title')}
            value={str(form.raw.title)}
            status={status(['title'])}
            onChange={(e) => set(['title'], e.target.value)}
          />
        </div>
        <div className="rubric-form-field">
          <span>{t('rubric.precision')}</span>
          {numberField(['precision'], t('rubric.precision'), form.raw.precision ?? 2, { min: 0 })}
        </div>
        <div className="rubric-form-field">
          <span>{t('rubric.ranking')}</span>
          <Select
            aria-label={t('rubric.ranking')}
            value={form.raw.ranking === 'dense' ? 'dense' : 'competition'}
            status={status(['ranking'])}
            options={(['competition', 'dense'] as const).map((r) => ({
              value: r,
              label: t(`rubric.rankings.${r}`),
            }))}
            onChange={(v) => set(['ranking'], v)}
          />
        </div>
        <div className="rubric-form-field wide">
          <span>{t('rubric.tieBreak')}</span>
          <Select
            mode="multiple"
            aria-label={t('rubric.tieBreak')}
            value={tieBreak}
            status={status(['tieBreak'])}
            placeholder={t('rubric.form.tieBreakHint')}
            options={codes.map((c) => ({ value: c, label: c }))}
            onChange={(v: string[]) => set(['tieBreak'], v.length ? v : null)}
          />
        </div>
      </section>

      <Table<FormIndicator>
        className="rubric-form-table"
        size="small"
        bordered
        rowKey={(item) => form.indicators.indexOf(item)}
        columns={columns}
        dataSource={form.indicators}
        pagination={false}
        scroll={{ x: 1100 }}
        rowClassName={(_, row) =>
          problems.some((p) => parsePath(p.field)[1] === row && p.field.startsWith('indicators['))
            ? 'rubric-row-problem'
            : ''
        }
        locale={{ emptyText: t('rubric.form.noIndicators') }}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        className="rubric-add-row"
        onClick={() => edit((d) => addIndicator(d, nextCode(form)))}
      >
        {t('rubric.form.addIndicator')}
      </Button>

      <section className="rubric-form-section" aria-label={t('rubric.form.flagRules')}>
        <h3>{t('rubric.form.flagRules')}</h3>
        <div className="rubric-flag-rule rubric-flag-red">
          <strong>{t('rubric.form.redRule')}</strong>
          {flagField('red', 'top', red.top)}
          {flagField('red', 'topPercent', red.topPercent)}
          {flagField('red', 'minScore', red.minScore)}
        </div>
        <div className="rubric-flag-rule rubric-flag-yellow">
          <strong>{t('rubric.form.yellowRule')}</strong>
          {flagField('yellow', 'bottom', yellow.bottom)}
          {flagField('yellow', 'bottomPercent', yellow.bottomPercent)}
          {flagField('yellow', 'below', yellow.below)}
        </div>
        <div className="rubric-flag-rule">
          <div className="rubric-form-field">
            <span>{t('rubric.form.fields.minGroup')}</span>
            {numberField(['flags', 'minGroup'], t('rubric.form.fields.minGroup'), flags.minGroup, {
              placeholder: t('rubric.form.notSet'),
            })}
          </div>
          <span className="muted small">{t('rubric.form.minGroupHint')}</span>
        </div>
        <p className="muted small">
          {groups.length
            ? t('rubric.form.groups', { n: groups.length, groups: groups.join('、') })
            : t('rubric.form.noGroups')}
          {t('rubric.form.cadenceHint')}
        </p>
      </section>
    </div>
  );
}
