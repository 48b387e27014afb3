/**
 * The events Leitai tells people (the notification centre) and other systems (webhooks) about,
 * in the order they are offered. The web's webhook form reads the same list.
 */
export const EVENT_KINDS = [
  'deadline.3d',
  'deadline.1d',
  'deadline.overdue',
  'round.notice',
  'appeal.decided',
  'rectification.due',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
