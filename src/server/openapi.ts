/** The OpenAPI document of the API, from a server built on a throwaway database (scripts/openapi.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { openSqlite } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from './app.ts';
import { serverDeps } from './deps.ts';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-openapi-'));
  const handle = openSqlite(dataDir);
  try {
    await migrateToLatest(handle.db);
    const app = await buildServer(
      serverDeps(handle, loadConfig({}, { data: dataDir }), { version: '' }),
    );
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
