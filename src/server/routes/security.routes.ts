import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPolicy, PolicyBody, setPolicy } from '../../app/security-policy.ts';
import { confirmTotp, enrolTotp, resetTotp, TotpCode, totpStatus } from '../../app/totp.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { NoContent, RefParam } from './views.ts';

const PolicyView = z.object({
  minLength: z.number(),
  minClasses: z.number(),
  expiryDays: z.number().nullable(),
  historySize: z.number(),
});

/** The second factor and the password policy (issue 19, DESIGN §1). */
export function securityRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['security'];
    app.get(
      '/me/totp',
      {
        schema: {
          tags,
          summary: '两步验证状态 my second factor',
          response: { 200: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number() }) },
        },
      },
      (request) => totpStatus(contextOf(deps, request)),
    );
    app.post(
      '/me/totp',
      {
        schema: {
          tags,
          summary: '开始绑定动态口令（密钥、otpauth 链接、二维码）start TOTP enrolment',
          response: {
            200: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }),
          },
        },
      },
      (request) => enrolTotp(contextOf(deps, request)),
    );
    app.post(
      '/me/totp/confirm',
      {
        schema: {
          tags,
          summary: '用验证码确认绑定，返回一次性恢复码 confirm with a code; recovery codes once',
          body: TotpCode,
          response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
        },
      },
      (request) => confirmTotp(contextOf(deps, request), request.body),
    );
    app.delete(
      '/users/:id/totp',
      {
        schema: {
          response: { 204: NoContent },
          tags,
          summary: '重置用户的两步验证（安全管理员）reset a user’s second factor',
          params: RefParam,
        },
      },
      async (request, reply) => {
        await resetTotp(contextOf(deps, request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/security/policy',
      {
        schema: { tags, summary: '密码策略 the password policy', response: { 200: PolicyView } },
      },
      (request) => getPolicy(contextOf(deps, request)),
    );
    app.put(
      '/security/policy',
      {
        schema: {
          tags,
          summary: '设置密码策略（安全管理员）set the password policy',
          body: PolicyBody,
          response: { 200: PolicyView },
        },
      },
      (request) => setPolicy(contextOf(deps, request), request.body),
    );
  };
}
