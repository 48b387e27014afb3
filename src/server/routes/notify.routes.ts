import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EVENT_KINDS,
  myNotifications,
  NotificationQuery,
  readAllNotifications,
  readNotification,
} from '../../app/notifications.ts';
import {
  CreateWebhook,
  changeWebhook,
  createWebhook,
  listWebhooksFor,
  removeWebhook,
  UpdateWebhook,
  webhookDeliveries,
} from '../../app/webhooks.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { created } from './reply.ts';
import { IdParam } from './views.ts';

const NotificationView = z
  .object({
    id: z.number(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    entityType: z.string().nullable(),
    entityId: z.number().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const WebhookView = z
  .object({
    id: z.number(),
    url: z.string(),
    kinds: z.array(z.string()),
    description: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });

const DeliveryView = z
  .object({
    id: z.number(),
    eventId: z.number(),
    kind: z.string(),
    status: z.string(),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastStatus: z.number().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

/** The notification centre (通知) and the outgoing webhooks (推送). */
export function notifyRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/me/notifications',
      {
        schema: {
          tags,
          summary: '我的通知 my notifications (newest first; unread=true for unread only)',
          querystring: NotificationQuery,
          response: {
            200: z.object({
              items: z.array(NotificationView),
              total: z.number(),
              unread: z.number(),
            }),
          },
        },
      },
      (request) => myNotifications(contextOf(deps, request), request.query),
    );
    app.post(
      '/me/notifications/:id/read',
      {
        schema: {
          tags,
          summary: '标为已读 mark a notification read',
          params: IdParam,
          response: { 200: NotificationView },
        },
      },
      (request) => readNotification(contextOf(deps, request), request.params.id),
    );
    app.post(
      '/me/notifications/read-all',
      {
        schema: {
          tags,
          summary: '全部标为已读 mark all read',
          response: { 200: z.object({ read: z.number() }) },
        },
      },
      (request) => readAllNotifications(contextOf(deps, request)),
    );

    const hooks = ['webhooks'];
    app.get(
      '/webhooks',
      {
        schema: {
          tags: hooks,
          summary: `推送地址（系统管理员）webhooks; event kinds: ${EVENT_KINDS.join(', ')}`,
          response: { 200: z.object({ items: z.array(WebhookView), total: z.number() }) },
        },
      },
      (request) => listWebhooksFor(contextOf(deps, request)),
    );
    app.post(
      '/webhooks',
      {
        schema: {
          tags: hooks,
          summary:
            '新增推送地址；密钥只在此次返回 add a webhook; the secret is returned this once only',
          body: CreateWebhook,
          response: { 201: WebhookView.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) => {
        return created(reply, createWebhook(contextOf(deps, request), request.body));
      },
    );
    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags: hooks,
          summary: '停用、启用或改事件 pause, resume or change kinds',
          params: IdParam,
          body: UpdateWebhook,
          response: { 200: WebhookView },
        },
      },
      (request) => changeWebhook(contextOf(deps, request), request.params.id, request.body),
    );
    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags: hooks,
          summary: '删除推送地址 delete a webhook',
          params: IdParam,
          response: { 200: z.object({ deleted: z.boolean() }) },
        },
      },
      (request) => removeWebhook(contextOf(deps, request), request.params.id),
    );
    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags: hooks,
          summary: '推送记录 delivery log (newest first)',
          params: IdParam,
          response: { 200: z.object({ items: z.array(DeliveryView), total: z.number() }) },
        },
      },
      (request) => webhookDeliveries(contextOf(deps, request), request.params.id),
    );
  };
}
