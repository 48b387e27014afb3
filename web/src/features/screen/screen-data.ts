import {
  type PublicContestSummary,
  type PublicFlagTally,
  type PublicRound,
  publicApi,
} from '../../api/public.ts';

/** How many of the latest published boards the big screen rotates through. */
export const SCREEN_BOARDS = 8;

export interface ScreenData {
  county: string;
  boards: PublicRound[];
  flags: PublicFlagTally[];
  year: number;
}

/**
 * The latest published round of each contest, newest first; monthly and yearly boards before
 * weekly bulletins and derived quarters, which award no flags of their own (DESIGN §2).
 */
export function latestRounds(contests: PublicContestSummary[], limit = SCREEN_BOARDS): number[] {
  const minor = (period: string) => (/W|Q/.test(period) ? 1 : 0);
  return contests
    .flatMap((c) => (c.latestRound ? [c.latestRound] : []))
    .sort(
      (a, b) =>
        minor(a.period) - minor(b.period) ||
        (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') ||
        b.id - a.id,
    )
    .slice(0, limit)
    .map((r) => r.id);
}

/** Everything the big screen shows, read from the public API only. */
export async function loadScreen(signal: AbortSignal): Promise<ScreenData> {
  const contests = await publicApi.contests(signal);
  const ids = latestRounds(contests.items);
  const year = Number(
    contests.items
      .map((c) => c.latestRound?.period ?? '')
      .sort()
      .at(-1)
      ?.slice(0, 4) ?? new Date().getFullYear(),
  );
  const [boards, flags] = await Promise.all([
    Promise.all(ids.map((id) => publicApi.round(id, signal))),
    publicApi.flags(year || new Date().getFullYear(), signal),
  ]);
  // The organizer most boards share is the county (the 县), named in the screen's title.
  const counts = new Map<string, number>();
  for (const c of contests.items)
    counts.set(c.organizer.name, (counts.get(c.organizer.name) ?? 0) + 1);
  const county = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { county, boards, flags: flags.items, year: year || new Date().getFullYear() };
}
