import { apiDelete, apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Answer, Body, Schema } from './types.ts';

export type AppNotification = Schema<'Notification'>;

export type NotificationPage = Answer<'/api/v1/me/notifications', 'get'>;

export function myNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return apiGet<NotificationPage>('/me/notifications', { query: { limit: 20 }, signal });
}

export function markRead(id: number): Promise<AppNotification> {
  return apiPost<AppNotification>(`/me/notifications/${seg(id)}/read`);
}

export function markAllRead() {
  return apiPost<Answer<'/api/v1/me/notifications/read-all', 'post'>>('/me/notifications/read-all');
}

/** 推送地址: the outgoing webhooks (admins), as the server declares them. */
export type Webhook = Schema<'Webhook'>;
export type CreatedWebhook = Answer<'/api/v1/webhooks', 'post'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;

export function listWebhooks(signal?: AbortSignal) {
  return apiGet<Answer<'/api/v1/webhooks', 'get'>>('/webhooks', { signal });
}

export type NewWebhook = Body<'/api/v1/webhooks', 'post'>;

export function createWebhook(body: NewWebhook) {
  return apiPost<CreatedWebhook>('/webhooks', body);
}

export function changeWebhook(id: number, body: Body<'/api/v1/webhooks/{id}', 'patch'>) {
  return apiPatch<Webhook>(`/webhooks/${seg(id)}`, body);
}

export function removeWebhook(id: number) {
  return apiDelete<Answer<'/api/v1/webhooks/{id}', 'delete'>>(`/webhooks/${seg(id)}`);
}

export function webhookDeliveries(id: number, signal?: AbortSignal) {
  return apiGet<Answer<'/api/v1/webhooks/{id}/deliveries', 'get'>>(
    `/webhooks/${seg(id)}/deliveries`,
    { signal },
  );
}
