// The entry grid's data, apart from how it is drawn: which cells exist, which the user may
// edit, what was typed, and what the server would make of it.

import type { ErrorParams } from '../../../../src/core/errors.ts';
import { type CellWarning, readCell } from '../../../../src/core/number-text.ts';
import type { Indicator, Rubric } from '../../../../src/core/rubric.ts';
import type { Participant } from '../../api/contests.ts';
import type { Entries, Entry, EntryWrite } from '../../api/rounds.ts';

export const cellKey = (unit: string, indicator: string) => `${unit}|${indicator}`;

/** What the user typed into a cell and has not saved yet. */
export interface Draft {
  /** The text typed ('' clears the cell); for a veto 'true' or 'false'. Absent: unchanged. */
  text?: string;
  /** A new note; absent: unchanged. */
  note?: string;
  /** The entry's version when editing began: the server refuses the save if it moved since. */
  baseVersion: number;
}

export type Drafts = Record<string, Draft>;

/** The units a user sees in the grid: everyone for organizers, lead offices and leaders; a reporter its own. */
export function visibleUnits(participants: Participant[], entries: Entries): Participant[] {
  const { units } = entries.editable;
  if (units === 'all' || units.length === 0) {
    // A reporter who edits nothing any more (notice, published) still sees only its own entries.
    const own = new Set(entries.items.map((e) => e.unit));
    const onlyOwn =
      units !== 'all' && entries.items.length > 0 && own.size === 1 && participants.length > 1;
    return onlyOwn ? participants.filter((p) => own.has(p.code)) : participants;
  }
  const shown = new Set([...units, ...entries.items.map((e) => e.unit)]);
  return participants.filter((p) => shown.has(p.code));
}

export function mayEdit(entries: Entries, unit: string, indicator: string): boolean {
  const { units, indicators } = entries.editable;
  return indicators.includes(indicator) && (units === 'all' || units.includes(unit));
}

export type Parsed =
  | { ok: true; value: number | boolean | null; warning?: CellWarning }
  | { ok: false; code: string; message: string; params?: ErrorParams };

/**
 * The value a cell's text stands for, read by the same core parser as the server and the sheets
 * ("85%", "0.85", "０.８５"), with a warning for implausible values (82 for a ratio).
 */
export function parseCell(indicator: Indicator, text: string): Parsed {
  const reading = readCell(indicator, text);
  if (!reading.ok) return reading;
  const value =
    indicator.kind === 'veto' && reading.value !== null ? reading.value === 1 : reading.value;
  return reading.warning ? { ok: true, value, warning: reading.warning } : { ok: true, value };
}

/** The text an entry shows in its input. */
export function entryText(indicator: Indicator, entry: Entry | undefined): string {
  if (!entry || entry.value === null) return '';
  if (indicator.kind === 'veto') return entry.value === 1 ? 'true' : 'false';
  return String(entry.value);
}

/** The batch to PUT: every drafted cell, with the version it was read at. */
export function batchOf(
  rubric: Rubric,
  drafts: Drafts,
  byKey: Map<string, Entry>,
): { items: EntryWrite[]; keys: string[]; invalid: string[] } {
  const indicators = new Map(rubric.indicators.map((i) => [i.code, i]));
  const items: EntryWrite[] = [];
  const keys: string[] = [];
  const invalid: string[] = [];
  for (const [key, draft] of Object.entries(drafts)) {
    const [unit = '', code = ''] = key.split('|');
    const indicator = indicators.get(code);
    if (!indicator) continue;
    const entry = byKey.get(key);
    let value: number | boolean | null;
    if (draft.text !== undefined) {
      const parsed = parseCell(indicator, draft.text);
      if (!parsed.ok) {
        invalid.push(key);
        continue;
      }
      value = parsed.value;
    } else {
      value = entry?.value ?? null;
      if (indicator.kind === 'veto' && value !== null) value = value === 1;
    }
    items.push({
      unit,
      indicator: code,
      value,
      ...(draft.note !== undefined ? { note: draft.note } : {}),
      version: draft.baseVersion,
    });
    keys.push(key);
  }
  return { items, keys, invalid };
}

/** Whether a draft still differs from what is saved (typing a value back undoes the change). */
export function isChanged(indicator: Indicator, draft: Draft, entry: Entry | undefined): boolean {
  const textChanged =
    draft.text !== undefined && draft.text.trim() !== entryText(indicator, entry).trim();
  const noteChanged = draft.note !== undefined && draft.note !== (entry?.note ?? '');
  return textChanged || noteChanged;
}
