import fs from 'node:fs';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { separationStored } from '../db/account-security.repository.ts';
import type { ServerDeps } from './deps.ts';
import { openApiTransform, openApiTransformObject } from './openapi-components.ts';
import { registerAuth } from './plugins/auth.ts';
import { documentErrors, registerErrorHandling } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input.ts';
import { registerReadYourWrites } from './plugins/replicas.ts';
import { registerSecurity } from './plugins/security.ts';
import { serializerCompiler } from './plugins/serializer.ts';
import { assessmentsRoutes } from './routes/assessments.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { contestsRoutes } from './routes/contests.routes.ts';
import { flagsRoutes } from './routes/flags.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { ledgerRoutes } from './routes/ledger.routes.ts';
import { monthRoutes } from './routes/month.routes.ts';
import { notifyRoutes } from './routes/notify.routes.ts';
import { outcomesRoutes } from './routes/outcomes.routes.ts';
import { pointsRoutes } from './routes/points.routes.ts';
import { practicesRoutes } from './routes/practices.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { roundsRoutes } from './routes/rounds.routes.ts';
import { securityRoutes } from './routes/security.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { sheetsRoutes } from './routes/sheets.routes.ts';
import { unitsRoutes } from './routes/units.routes.ts';
import { usersRoutes } from './routes/users.routes.ts';

export interface BuildOptions {
  /** pino logger options, or false for none (tests). */
  logger?: boolean | { level: string };
  /** Told of every route as it is added (the permission matrix test lists them). */
  onRoute?: (route: { method: string; url: string }) => void;
}

/** TRUST_PROXY as Fastify takes it: a number of hops becomes "trust the nearest n". */
function trustProxyOption(value: boolean | number | string[]) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** Builds the one Fastify server of Leitai: API under /api/v1, its OpenAPI document, the web app. */
export async function buildServer(
  deps: ServerDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Behind a proxy: the client's address and https come from X-Forwarded-* (TRUST_PROXY).
    trustProxy: trustProxyOption(deps.config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  const { onRoute } = options;
  // `leitai init --separation` keeps 三权分立 on whatever the environment says.
  if (!deps.settings.separationOfDuties && (await separationStored(deps.db))) {
    deps.settings.separationOfDuties = true;
  }
  if (onRoute) {
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) onRoute({ method, url: r.url });
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDir =
    deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : undefined;
  registerErrorHandling(app, { serveIndexHtml: webDir !== undefined });
  registerSecurity(app);
  registerInputGuard(app);
  await registerAuth(app, deps);
  registerReadYourWrites(app, deps);
  await app.register(fastifyMultipart, {
    limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Leitai 擂台 API',
        description: '县域打擂比武平台 API — county performance contests',
        version: deps.version,
      },
    },
    transform: openApiTransform,
    // The named views as components, then the one error body on every operation.
    transformObject: (input) => documentErrors({ openapiObject: openApiTransformObject(input) }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs/ui' });
  app.get('/api/docs', { schema: { hide: true } }, () => app.swagger());

  const api = [
    healthRoutes,
    sessionRoutes,
    unitsRoutes,
    usersRoutes,
    auditRoutes,
    contestsRoutes,
    roundsRoutes,
    sheetsRoutes,
    flagsRoutes,
    practicesRoutes,
    publicRoutes,
    assessmentsRoutes,
    securityRoutes,
    outcomesRoutes,
    ledgerRoutes,
    pointsRoutes,
    monthRoutes,
    notifyRoutes,
  ];
  for (const routes of api) await app.register(routes(deps), { prefix: '/api/v1' });
  // The public contest list changes with publications, corrections and contest edits: any
  // successful write drops it (cheap to rebuild: two queries).
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400)
      deps.contestsCache.invalidate();
  });

  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
  }
  return app;
}
