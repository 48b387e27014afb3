// The API's answers as the server declares them: types generated from its OpenAPI document
// (schema.d.ts, `npm run openapi`), so a change on the server shows here as a type error.
import type { Rubric } from '../../../src/core/rubric.ts';
import type { components, paths } from './schema.d.ts';

type Api = `/api/v1${string}` & keyof paths;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** OpenAPI 3.0 has no tuples: a `rubric` is read as the core's type (src/core/rubric.ts). */
type WithRubric<T> = T extends object
  ? { [K in keyof T]: K extends 'rubric' ? Rubric : WithRubric<T[K]> }
  : T;

/** The JSON a route answers with: `Answer<'/api/v1/practices/{id}', 'patch'>` (200, else 201). */
export type Answer<P extends Api, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? WithRubric<JsonOf<A>>
    : R extends { 201: infer A }
      ? WithRubric<JsonOf<A>>
      : never
  : never;

/** The JSON body a route reads: `Body<'/api/v1/points/records', 'post'>`. */
export type Body<P extends Api, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? WithRubric<JsonOf<NonNullable<B>>>
  : never;

/** A named schema of the document (components/schemas): `Schema<'Member'>`. */
export type Schema<N extends keyof components['schemas']> = WithRubric<components['schemas'][N]>;

/** An item of a list answer (`{ items, total }` or a plain array). */
export type ItemOf<T> = T extends { items: readonly (infer I)[] }
  ? I
  : T extends readonly (infer I)[]
    ? I
    : never;
