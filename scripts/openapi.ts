/**
 * Writes the OpenAPI document of the server (openapi.json) and the web's client types generated
 * from it (web/src/api/schema.d.ts, openapi-typescript). Run by `npm run build` and
 * `npm run openapi`; `npm run openapi -- --check` fails when either checked-in file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../src/server/openapi.ts';

/** The web's types of every path, operation and schema (openapi-typescript). */
async function openApiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `// Generated from openapi.json by scripts/openapi.ts (npm run openapi). Do not edit.\n\n${astToString(ast)}`;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const document = await openApiDocument();
const files = {
  'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
  'web/src/api/schema.d.ts': await openApiTypes(document),
};
let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const file = path.join(root, name);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    stale++;
    process.stderr.write(
      `${name} 已过期，请运行 npm run openapi (out of date: run npm run openapi)\n`,
    );
  } else {
    fs.writeFileSync(file, text);
    process.stdout.write(`wrote ${name}\n`);
  }
}
process.exitCode = stale ? 1 : 0;
