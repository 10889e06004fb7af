import type { CountyConfig } from '../config/schema.js';

/** A minimal typed view of an OpenAPI 3.1 paths object. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

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
      description: "A staff ID token from the area's Cognito user pool (locally: `npm run token`).",
    },
  },
} as const;

/**
 * Assemble a service's OpenAPI 3.1 document.
 *
 * @example
 * app.get('/api/directory/openapi.json', (c) => c.json(openApiDocument(config, { title: 'Directory', paths })));
 */
export function openApiDocument(
  config: CountyConfig,
  spec: { title: string; description: string; paths: OpenApiPaths; schemas?: Record<string, unknown> },
): Record<string, unknown> {
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

/** Building blocks for the services' OpenAPI paths, so every service describes them alike. */
export const oa = {
  /** The shared problem+json response. */
  problem: { $ref: '#/components/responses/Problem' },
  /** A reference to a schema of the document. */
  ref: (name: string) => ({ $ref: `#/components/schemas/${name}` }),
  /** An optional query parameter. */
  query: (name: string, description: string, schema: unknown = { type: 'string' }) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  }),
  /** The `{id}` path parameter. */
  idParam: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
  /** The `If-Match` header every update of an existing resource requires. */
  ifMatch: { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag of the version read.' },
  /** Security requirement of staff-only operations. */
  staff: [{ staffToken: [] }],
} as const;
