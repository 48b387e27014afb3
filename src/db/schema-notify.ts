import type { Generated } from 'kysely';

// Tables of reminders (DESIGN §7 notifications), migration 0015.

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** deadline.3d | deadline.1d | deadline.overdue | round.notice | appeal.decided | rectification.due */
  kind: string;
  title: string;
  body: string;
  /** The web app's path to open, e.g. /rounds/12. */
  link: string | null;
  entity_type: string | null;
  entity_id: number | null;
  created_at: string;
  read_at: string | null;
}

export interface ReminderSentTable {
  round_id: number;
  /** The unit reminded (for rectifications: the unit of the rectification). */
  unit_id: number;
  kind: string;
  sent_at: string;
}

export interface EventOutboxTable {
  id: Generated<number>;
  kind: string;
  /** JSON. */
  payload: string;
  created_at: string;
  dispatched_at: string | null;
}

export interface WebhookTable {
  id: Generated<number>;
  url: string;
  secret: string;
  kinds: string;
  description: string | null;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: number;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface SchedulerJobTable {
  name: string;
  next_run_at: string;
  lease_holder: string | null;
  lease_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
  runs: Generated<number>;
}

export interface NotifyTables {
  notifications: NotificationTable;
  reminders_sent: ReminderSentTable;
  event_outbox: EventOutboxTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  scheduler_jobs: SchedulerJobTable;
}
