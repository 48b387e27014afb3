import fs from 'node:fs';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServerDeps } from './deps.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerSecurity } from './plugins/security.ts';
import { assessmentsRoutes } from './routes/assessments.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { contestsRoutes } from './routes/contests.routes.ts';
import { flagsRoutes } from './routes/flags.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { pointsRoutes } from './routes/points.routes.ts';
import { practicesRoutes } from './routes/practices.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { roundsRoutes } from './routes/rounds.routes.ts';
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

/** Builds the one Fastify server of Leitai: API under /api/v1, its OpenAPI document, the web app. */
export async function buildServer(
  deps: ServerDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  const { onRoute } = options;
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
  await registerAuth(app, deps);
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
    transform: jsonSchemaTransform,
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
    pointsRoutes,
  ];
  for (const routes of api) await app.register(routes(deps), { prefix: '/api/v1' });

  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
  }
  return app;
}
