/**
 * The OpenAPI document's named schemas: every zod schema given `.meta({ id })` (the views in
 * routes/*.views.ts) is written once under components/schemas and referenced by `$ref`, so the
 * web's generated types name them (`components['schemas']['Scheme']`).
 */
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';

type TransformObject = ReturnType<typeof createJsonSchemaTransformObject>;

// OpenAPI 3.0 both for the operations and for the components (the library's components default
// to JSON Schema 2020-12, whose `prefixItems` and `type: 'null'` 3.0 does not know).
const zodToJsonConfig = { target: 'openapi-3.0' } as const;

export const openApiTransform = createJsonSchemaTransform({ zodToJsonConfig });

const allComponents = createJsonSchemaTransformObject({ zodToJsonConfig });

/**
 * The library writes each named schema twice, as read (`XInput`) and as written (`X`); a request
 * body rarely uses a view, so an `XInput` nothing refers to is left out.
 */
export const openApiTransformObject: TransformObject = (input) => {
  const document = allComponents(input) as {
    paths?: unknown;
    components: { schemas: Record<string, unknown> };
  };
  const schemas = document.components.schemas;
  const refsIn = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const reached = new Set<string>();
  const todo = refsIn(document.paths);
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (reached.has(name)) continue;
    reached.add(name);
    for (const ref of refsIn(schemas[name])) todo.push(ref);
  }
  for (const name of Object.keys(schemas)) {
    if (name.endsWith('Input') && !reached.has(name)) delete schemas[name];
  }
  return document as ReturnType<TransformObject>;
};
