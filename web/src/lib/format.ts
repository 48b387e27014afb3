// Dates and numbers as a Chinese office writes them; every page formats through here.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 2026-06-30 14:05 in the browser's time zone; '—' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026-06-30 (a date-only value stays as it is). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today in the browser's time zone, as 2026-06-30. */
export function today(): string {
  return formatDate(new Date().toISOString());
}

/** A score or value with at most `digits` decimals, trailing zeros dropped; '—' for none. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Number(value.toFixed(digits)));
}

/** A score with exactly `digits` decimals (totals line up in a column). */
export function formatScore(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(digits);
}

/** A signed change: +1.5, −2, 0. */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const text = formatNumber(Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0';
}

/** 1.2 MB, 350 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Days from today to a deadline (negative when past); undefined without one. */
export function daysUntil(
  deadline: string | null | undefined,
  now = new Date(),
): number | undefined {
  if (!deadline) return undefined;
  const end = new Date(/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T23:59:59` : deadline);
  if (Number.isNaN(end.getTime())) return undefined;
  return Math.ceil((end.getTime() - now.getTime()) / 86_400_000);
}
