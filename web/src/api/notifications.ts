import { apiDelete, apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Answer } from './types.ts';

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  unread: number;
}

export function myNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return apiGet<NotificationPage>('/me/notifications', { query: { limit: 20 }, signal });
}

export function markRead(id: number): Promise<AppNotification> {
  return apiPost<AppNotification>(`/me/notifications/${seg(id)}/read`);
}

export function markAllRead(): Promise<{ read: number }> {
  return apiPost<{ read: number }>('/me/notifications/read-all');
}

/** 推送地址: the outgoing webhooks (admins), as the server declares them. */
export type Webhook = Answer<'/api/v1/webhooks', 'get'>['items'][number];
export type CreatedWebhook = Answer<'/api/v1/webhooks', 'post'>;
export type WebhookDelivery = Answer<'/api/v1/webhooks/{id}/deliveries', 'get'>['items'][number];

export function listWebhooks(signal?: AbortSignal) {
  return apiGet<Answer<'/api/v1/webhooks', 'get'>>('/webhooks', { signal });
}

export function createWebhook(body: { url: string; kinds: string[]; description?: string }) {
  return apiPost<CreatedWebhook>('/webhooks', body);
}

export function changeWebhook(id: number, body: { active?: boolean; kinds?: string[] }) {
  return apiPatch<Webhook>(`/webhooks/${seg(id)}`, body);
}

export function removeWebhook(id: number) {
  return apiDelete<{ deleted: boolean }>(`/webhooks/${seg(id)}`);
}

export function webhookDeliveries(id: number, signal?: AbortSignal) {
  return apiGet<Answer<'/api/v1/webhooks/{id}/deliveries', 'get'>>(
    `/webhooks/${seg(id)}/deliveries`,
    { signal },
  );
}
