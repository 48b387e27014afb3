// The demo county lives in the present (DESIGN §6): its periods are counted back from the day it
// runs, read from ctx.clock, so a new user on any date finds a county in the middle of its month,
// and tests with a fixed clock get the same county every time.

/** The periods the demo fills, counted from one day. */
export interface DemoCalendar {
  /** The four months before the current one, oldest first: published. */
  months: string[];
  /** The current month: collecting, half filled in, its deadline ahead. */
  current: string;
  /** The current month's deadline (YYYY-MM-DD), never before the day the demo runs. */
  currentDeadline: string;
  /** Three ISO weeks before the current week: 黄山铺镇's weekly bulletins, published. */
  weeks: string[];
  /** The last quarter ended before the current month, derived from its months. */
  quarter: string;
  /** Months the quarter needs that are not among `months` (when the current month ends a quarter). */
  quarterExtraMonths: string[];
  /** The year of the latest published month: the assessment's year. */
  year: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

function monthKey(year: number, month0: number): string {
  const d = new Date(Date.UTC(year, month0, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** ISO 8601 week of a UTC date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

/** The demo's periods for the day `now` falls on in China (UTC+8). */
export function demoCalendar(now: Date): DemoCalendar {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const year = china.getUTCFullYear();
  const month0 = china.getUTCMonth();
  const day = china.getUTCDate();
  const months = [4, 3, 2, 1].map((back) => monthKey(year, month0 - back));
  const current = monthKey(year, month0);
  // The 28th, or a week ahead when the month is nearly over: the deadline is never behind.
  const deadline =
    day <= 21 ? `${current}-28` : new Date(china.getTime() + 7 * DAY).toISOString().slice(0, 10);
  const weeks = [3, 2, 1].map((back) => isoWeek(new Date(china.getTime() - back * 7 * DAY)));
  const quarterIndex = Math.floor(month0 / 3) - 1;
  const quarterYear = quarterIndex < 0 ? year - 1 : year;
  const quarter = `${quarterYear}-Q${((quarterIndex + 4) % 4) + 1}`;
  const quarterMonths = [0, 1, 2].map((m) =>
    monthKey(quarterYear, ((quarterIndex + 4) % 4) * 3 + m),
  );
  return {
    months,
    current,
    currentDeadline: deadline,
    weeks,
    quarter,
    quarterExtraMonths: quarterMonths.filter((m) => !months.includes(m)),
    year: Number(months[3]!.slice(0, 4)),
  };
}
