import { PaperClipOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Rubric } from '../../../../src/core/rubric.ts';
import type { Participant } from '../../api/contests.ts';
import { problemText } from '../../api/error-message.ts';
import type { Entries, Entry } from '../../api/rounds.ts';
import { formatNumber } from '../../lib/format.ts';
import { pointsText } from '../rubrics/rubric-text.ts';
import { cellKey, type Drafts, entryText, isChanged, mayEdit, parseCell } from './entry-model.ts';

interface Props {
  rubric: Rubric;
  units: Participant[];
  entries: Entries;
  byKey: Map<string, Entry>;
  drafts: Drafts;
  /** Problems the server named for cells (STALE_VERSION, OUT_OF_RANGE …), by cell key. */
  serverProblems: Record<string, string>;
  selected: string | undefined;
  onSelect: (key: string) => void;
  onType: (key: string, text: string) => void;
}

/**
 * Moves focus through the grid's inputs like a spreadsheet: Enter and ↓ go down, Shift+Enter
 * and ↑ go up, ← and → go sideways when the caret is at the edge of the text; Tab as usual.
 * Cells the user may not edit hold no input and are skipped.
 */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const target = event.target as HTMLInputElement;
  if (target.tagName !== 'INPUT' || !target.dataset.row) return;
  let dr = 0;
  let dc = 0;
  const atStart =
    target.type !== 'text' || (target.selectionStart === 0 && target.selectionEnd === 0);
  const atEnd =
    target.type !== 'text' ||
    (target.selectionStart === target.value.length && target.selectionEnd === target.value.length);
  if (event.key === 'Enter') dr = event.shiftKey ? -1 : 1;
  else if (event.key === 'ArrowDown') dr = 1;
  else if (event.key === 'ArrowUp') dr = -1;
  else if (event.key === 'ArrowLeft' && atStart) dc = -1;
  else if (event.key === 'ArrowRight' && atEnd) dc = 1;
  else return;
  const table = event.currentTarget;
  const inputs = [...table.querySelectorAll<HTMLInputElement>('input[data-row]')];
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  const candidates = inputs
    .map((input) => ({ input, r: Number(input.dataset.row), c: Number(input.dataset.col) }))
    .filter(({ r, c }) =>
      dr !== 0 ? c === col && Math.sign(r - row) === dr : r === row && Math.sign(c - col) === dc,
    )
    .sort((a, b) =>
      dr !== 0
        ? Math.abs(a.r - row) - Math.abs(b.r - row)
        : Math.abs(a.c - col) - Math.abs(b.c - col),
    );
  const next = candidates[0]?.input;
  event.preventDefault();
  if (next) {
    next.focus();
    if (next.type === 'text') next.select();
  }
}

function IndicatorHead({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const points = pointsText(indicator);
  return (
    <Tooltip title={indicator.name}>
      <span className="grid-head">
        <span className="grid-head-code">{indicator.code}</span>
        <span className="grid-head-name">{indicator.name}</span>
        <span className="grid-head-points">
          {indicator.kind === 'scored'
            ? t('rounds.grid.points', { points })
            : t(`rubric.kinds.${indicator.kind}`)}
        </span>
      </span>
    </Tooltip>
  );
}

/**
 * 数据填报 grid: one row a unit, one column an indicator (one row an indicator when the user
 * sees a single unit, which suits a phone). Only the cells the user may fill have inputs.
 */
export function EntryGrid({
  rubric,
  units,
  entries,
  byKey,
  drafts,
  serverProblems,
  selected,
  onSelect,
  onType,
}: Props) {
  const { t, i18n } = useTranslation();
  const justFocused = useRef<EventTarget | null>(null);
  const evidenceCount = new Map<string, number>();
  for (const file of entries.evidence) {
    const key = cellKey(file.unit, file.indicator);
    evidenceCount.set(key, (evidenceCount.get(key) ?? 0) + 1);
  }
  const verified = new Set(entries.verifications.map((v) => cellKey(v.unit, v.indicator)));
  const transposed = units.length === 1;
  const single = units[0];

  const cell = (unit: Participant, indicator: Indicator, row: number, col: number) => {
    const key = cellKey(unit.code, indicator.code);
    const entry = byKey.get(key);
    const draft = drafts[key];
    const editable = mayEdit(entries, unit.code, indicator.code);
    const text = draft?.text ?? entryText(indicator, entry);
    const parsed = draft?.text !== undefined ? parseCell(indicator, draft.text) : undefined;
    const problem =
      parsed && !parsed.ok ? problemText(parsed, t, i18n.language) : serverProblems[key];
    const warning =
      !problem && parsed?.ok && parsed.warning
        ? problemText(parsed.warning, t, i18n.language)
        : undefined;
    const changed = !!draft && isChanged(indicator, draft, entry);
    const label = t('rounds.grid.cellLabel', { unit: unit.name, indicator: indicator.name });
    const files = evidenceCount.get(key) ?? 0;
    const classes = [
      'grid-cell',
      editable ? 'editable' : 'readonly',
      changed ? 'changed' : '',
      problem ? 'invalid' : '',
      warning ? 'doubtful' : '',
      selected === key ? 'selected' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const marks = (
      <span className="grid-marks">
        {files ? (
          <span title={t('rounds.grid.files', { count: files })}>
            <PaperClipOutlined />
            {files}
          </span>
        ) : null}
        {verified.has(key) ? (
          <span title={t('rounds.grid.verified')}>
            <SafetyCertificateOutlined />
          </span>
        ) : null}
      </span>
    );
    let content: React.ReactNode;
    if (!editable) {
      const shown =
        indicator.kind === 'veto'
          ? entry?.value === null || entry === undefined
            ? '—'
            : entry.value === 1
              ? t('common.yes')
              : t('common.no')
          : formatNumber(entry?.value, 6);
      content = (
        <button
          type="button"
          className="grid-readonly"
          aria-label={label}
          onClick={() => onSelect(key)}
        >
          {shown}
        </button>
      );
    } else if (indicator.kind === 'veto') {
      content = (
        <label className="grid-veto">
          <input
            type="checkbox"
            data-row={row}
            data-col={col}
            aria-label={label}
            checked={text === 'true'}
            onFocus={() => onSelect(key)}
            onChange={(event) => onType(key, event.target.checked ? 'true' : 'false')}
          />
          <span>{text === 'true' ? t('rounds.grid.vetoed') : t('common.no')}</span>
        </label>
      );
    } else {
      content = (
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="grid-input"
          data-row={row}
          data-col={col}
          aria-label={label}
          aria-invalid={problem ? true : undefined}
          value={text}
          onFocus={(event) => {
            onSelect(key);
            event.target.select();
            justFocused.current = event.target;
          }}
          // Like a spreadsheet: a click that enters a cell, or lands on a refused value, selects
          // it all, so what is typed next replaces it (the mouse-up would otherwise drop the
          // selection made on focus).
          onMouseUp={(event) => {
            const input = event.currentTarget;
            if (justFocused.current === input || problem) {
              event.preventDefault();
              input.select();
            }
            justFocused.current = null;
          }}
          onChange={(event) => onType(key, event.target.value)}
        />
      );
    }
    // The cell's element tree never changes shape with its problem: a wrapper that came and went
    // with the error remounted the input and dropped the keystrokes typed after the fix.
    const notice = problem ?? warning;
    return (
      <td key={key} className={classes}>
        <div className="grid-cell-body" title={notice}>
          {content}
          {marks}
        </div>
        {notice && selected === key ? (
          <div
            className={problem ? 'grid-problem' : 'grid-warning'}
            role={problem ? 'alert' : 'status'}
          >
            {notice}
          </div>
        ) : null}
      </td>
    );
  };

  return (
    <section className="grid-scroll" aria-label={t('rounds.grid.label')}>
      {transposed && single ? (
        <table className="entry-grid transposed" onKeyDown={moveFocus}>
          <thead>
            <tr>
              <th scope="col" className="grid-sticky">
                {t('rounds.grid.indicator')}
              </th>
              <th scope="col">{single.name}</th>
            </tr>
          </thead>
          <tbody>
            {rubric.indicators.map((indicator, row) => (
              <tr key={indicator.code}>
                <th scope="row" className="grid-sticky">
                  <IndicatorHead indicator={indicator} />
                </th>
                {cell(single, indicator, row, 0)}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="entry-grid" onKeyDown={moveFocus}>
          <thead>
            <tr>
              <th scope="col" className="grid-sticky grid-unit-head">
                {t('common.unit')}
              </th>
              {rubric.indicators.map((indicator) => (
                <th scope="col" key={indicator.code}>
                  <IndicatorHead indicator={indicator} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit, row) => (
              <tr key={unit.code}>
                <th scope="row" className="grid-sticky grid-unit">
                  <span className="grid-unit-name">{unit.name}</span>
                  {unit.group ? <span className="grid-unit-group">{unit.group}</span> : null}
                </th>
                {rubric.indicators.map((indicator, col) => cell(unit, indicator, row, col))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
