import type { Generated } from 'kysely';

// Tables of DESIGN §8 (outcomes): notices, series, document numbers, rectifications.

export interface RoundNoticeTable {
  round_id: number;
  started_at: string;
  ends_at: string;
  /** Why the round was published before its notice ended (audited too). */
  early_reason: string | null;
  early_by: number | null;
}

export interface SeriesTable {
  id: Generated<number>;
  organizer_unit_id: number;
  title: string;
  /** The issuing office (发文机关) on the masthead, e.g. 中共沂水县委组织部. */
  office: string;
  /** The 发文字号's office part, e.g. 沂组通 (沂组通〔2026〕12号). */
  doc_prefix: string;
  /** 抄送, one line. */
  copy_to: string | null;
  /** 印发机关 (null: the office). */
  printed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SeriesContestTable {
  series_id: number;
  contest_id: number;
  position: number;
}

export interface DocumentNumberTable {
  id: Generated<number>;
  doc_prefix: string;
  year: number;
  number: number;
  series_id: number;
  period: string;
  issued_at: string;
}

export interface RectificationTable {
  id: Generated<number>;
  contest_id: number;
  round_id: number;
  unit_id: number;
  period: string;
  /** `open` (待整改), `submitted` (待销号), `signed_off` (已销号). */
  state: string;
  deadline: string;
  commitment: string | null;
  measures: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  signed_off_by: number | null;
  signed_off_at: string | null;
  return_reason: string | null;
  /** 1 when this is the unit's second yellow in a row in the contest (约谈). */
  interview_required: Generated<number>;
  interview_on: string | null;
  interview_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutcomeTables {
  round_notices: RoundNoticeTable;
  series: SeriesTable;
  series_contests: SeriesContestTable;
  document_numbers: DocumentNumberTable;
  rectifications: RectificationTable;
}
