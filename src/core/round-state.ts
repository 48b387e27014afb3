/** The life of a round (DESIGN §2): draft → collecting (填报) → reviewing (审核) → notice (公示) → published (发布). */

export const ROUND_STATES = ['draft', 'collecting', 'reviewing', 'notice', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_NAMES: Record<RoundState, string> = {
  draft: '草稿',
  collecting: '填报中',
  reviewing: '审核中',
  notice: '公示中',
  published: '已发布',
};

// Forward one step at a time; a round may also go back one step to fix what was found
// (review sends entries back to collecting; a notice can be withdrawn to review).
const NEXT: Record<RoundState, readonly RoundState[]> = {
  draft: ['collecting'],
  collecting: ['reviewing', 'draft'],
  reviewing: ['notice', 'collecting'],
  notice: ['published', 'reviewing'],
  published: [],
};

export function canTransition(from: RoundState, to: RoundState): boolean {
  return NEXT[from].includes(to);
}

export function nextStates(from: RoundState): readonly RoundState[] {
  return NEXT[from];
}

/** States in which entries are saved directly; in notice only appeals change them, after publishing only corrections. */
export function acceptsEntries(state: RoundState): boolean {
  return state === 'collecting' || state === 'reviewing';
}

/** States whose results exist and follow every change. */
export function hasResults(state: RoundState): boolean {
  return state === 'reviewing' || state === 'notice' || state === 'published';
}
