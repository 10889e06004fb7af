import { Hono } from 'hono';
import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import type { CountyConfig } from '../config/schema.js';
import { cachedResponse } from './cache.js';
import type { KitEnv } from './staff.js';

/** A minimal typed view of an OpenAPI 3.1 paths object. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

/** Components every service's API shares: the problem document and the bearer scheme. */
export const sharedComponents = {
  schemas: {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details. `title` is Swedish; `detail` is English.',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'message'],
            properties: { field: { type: 'string' }, message: { type: 'string' }, sv: { type: 'string' } },
          },
        },
      },
    },
  },
  responses: {
    Problem: { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
  },
  securitySchemes: {
    staffToken: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        "A staff ID token from the area's Cognito user pool (locally: `npm run token`). An operation's security requirement lists the roles (`cognito:groups`) it accepts; any one of them suffices.",
    },
  },
} as const;

/**
 * The JSON Schema of a zod schema: `io: 'input'` (the default) describes what the schema accepts
 * (fields with defaults optional, transforms by their input type); `'output'` what it produces.
 *
 * @example
 * schemaOf(z.object({ name: z.string() })) // { type: 'object', properties: { name: { type: 'string' } }, ... }
 */
export function schemaOf(schema: $ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...json } = toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    // `z.int()` states the safe-integer range; a document reads better without it
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as JsonSchema;
  return json;
}

/**
 * The query parameters of a route, from the zod object schema it validates its query with: one
 * parameter per property, required when the schema requires it.
 *
 * @example
 * queryOf(listQuerySchema, { status: 'Only submissions in this state.' })
 */
export function queryOf(schema: $ZodType, descriptions: Readonly<Record<string, string>> = {}): JsonSchema[] {
  descriptions = { ...COMMON_QUERY, ...descriptions };
  const json = schemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: property,
  }));
}

/** Descriptions of the query parameters every service reads alike. */
const COMMON_QUERY: Readonly<Record<string, string>> = {
  cursor: 'Opaque cursor from `nextCursor` of the previous page.',
  lang: 'The language of pages; JSON and CSV answers ignore it.',
};

/** What `openApiDocument` assembles. */
export interface OpenApiSpec {
  readonly title: string;
  readonly description: string;
  readonly paths: OpenApiPaths;
  readonly schemas?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Assemble a service's OpenAPI 3.1 document. Every operation must carry an `operationId`, unique
 * in the document; a missing or repeated one throws, so the contract test fails at once.
 *
 * @example
 * openApiDocument(config, { title: 'Directory', description: '…', paths });
 */
export function openApiDocument(config: CountyConfig, spec: OpenApiSpec): Record<string, unknown> {
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const id = (operation as { operationId?: string }).operationId;
      if (!id || ids.has(id)) throw new Error(`OpenAPI: ${method} ${path} needs a unique operationId (got ${id})`);
      ids.add(id);
    }
  return {
    openapi: '3.1.0',
    info: { title: `${spec.title} – ${config.name}`, version: '1.0.0', description: spec.description },
    paths: spec.paths,
    components: {
      ...sharedComponents,
      schemas: { ...sharedComponents.schemas, ...spec.schemas },
    },
  };
}

/**
 * `GET /openapi.json` of a service: `build` runs on the first request only (the document and the
 * zod-to-JSON-Schema conversion stay off the start of a function), then the text is kept.
 *
 * @example
 * app.route('/api/feedback/openapi.json', openApiRoute(() => import('./openapi-document.js').then((m) => m.feedbackDocument(ctx))));
 */
export function openApiRoute(build: () => Promise<Record<string, unknown>>, maxAge = 300): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  let text: Promise<string> | undefined;
  app.get('/', async (c) => {
    text ??= build().then((doc) => JSON.stringify(doc));
    try {
      return cachedResponse(c, await text, { maxAge });
    } catch (error) {
      text = undefined;
      throw error;
    }
  });
  return app;
}

/** Building blocks for the services' OpenAPI paths, so every service describes them alike. */
export const oa = {
  /** The shared problem+json response. */
  problem: { $ref: '#/components/responses/Problem' },
  /** The problem+json response under each of `statuses`. */
  problems: (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: '#/components/responses/Problem' }])),
  /** A reference to a schema of the document. */
  ref: (name: string) => ({ $ref: `#/components/schemas/${name}` }),
  /**
   * A JSON response (`schema` a zod schema, or a JSON Schema). Zod schemas are shown as input:
   * text fields normalised by a transform keep their type (the output of a transform has none in
   * JSON Schema), at the cost of showing fields with defaults as optional.
   */
  json: (schema: $ZodType | JsonSchema, description = 'OK') => ({
    description,
    content: { 'application/json': { schema: isZod(schema) ? schemaOf(schema) : schema } },
  }),
  /** A JSON request body (`schema` a zod schema, converted as input, or a JSON Schema). */
  body: (schema: $ZodType | JsonSchema, contentType = 'application/json') => ({
    required: true,
    content: { [contentType]: { schema: isZod(schema) ? schemaOf(schema) : schema } },
  }),
  /** A text response of `contentType` (CSV, iCalendar). */
  text: (contentType: string, description = 'OK') => ({ description, content: { [contentType]: { schema: { type: 'string' } } } }),
  /** The answer to a matching `If-None-Match`. */
  notModified: { description: 'Not modified (If-None-Match matched).' },
  /** An optional query parameter. */
  query: (name: string, description: string, schema: unknown = { type: 'string' }) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  }),
  /** A required path parameter. */
  pathParam: (name: string, schema: JsonSchema = { type: 'string' }) => ({ name, in: 'path', required: true, schema }),
  /** The `{id}` path parameter. */
  idParam: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
  /** The `If-Match` header every update of an existing resource requires. */
  ifMatch: { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag of the version read.' },
  /** Security requirement of a staff-only operation: a staff token with one of `roles`. */
  staff: (...roles: string[]) => [{ staffToken: roles }],
} as const;

function isZod(schema: $ZodType | JsonSchema): schema is $ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}
