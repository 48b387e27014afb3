import { apiGet, apiPost, seg } from './client.ts';

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
