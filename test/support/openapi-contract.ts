import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KitEnv } from '../../functions/core/http/staff.js';
import type { LocalTokenClaims } from '../../functions/core/auth/local-issuer.js';
import type { TestKit } from './deps.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** A loosely typed JSON value: documents and bodies are checked by the validator itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are walked generically
type J = any;

/** One operation of a served document. */
export interface DocumentedOperation {
  readonly method: string;
  /** The path template as documented (`/api/x/{id}`). */
  readonly path: string;
  readonly operationId: string;
  readonly operation: J;
  /** Staff roles of the operation's `staffToken` requirement; undefined for a public operation. */
  readonly roles?: readonly string[];
  /** Whether the operation is open to anyone (a token optional). */
  readonly open: boolean;
}

/**
 * The rule for which routes a document must describe: every route under `/api/` with an HTTP
 * method (`app.use` middleware registers `ALL` and is not a route). Pages, feeds under the Swedish
 * page paths and `/` are outside the API. Hono's `:id` becomes OpenAPI's `{id}`.
 */
export function servedApiRoutes(app: Hono<KitEnv>): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

/** Every operation of a served document. */
export function documentedOperations(doc: J): DocumentedOperation[] {
  const out: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries<J>(doc.paths))
    for (const [method, operation] of Object.entries<J>(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const security = (operation.security ?? []) as J[];
      const requirement = security.find((s) => s.staffToken);
      // `{}` among the requirements: the operation is open, and a token only changes what it shows
      const open = security.some((s) => Object.keys(s).length === 0);
      out.push({ method, path, operationId: operation.operationId, operation, roles: requirement?.staffToken, open });
    }
  return out;
}

/** `method path` of every documented operation, sorted like `servedApiRoutes`. */
export const documentedRoutes = (doc: J): string[] =>
  documentedOperations(doc)
    .map((o) => `${o.method} ${o.path}`)
    .sort();

// Open Referral's schemas, read from the shared reference folder (never copied into the project)
const HSDS = join(process.cwd(), '..', 'shared', 'hsds');
const HSDS_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const SERVED = 'https://served.example/openapi.json';

function addHsdsSchemas(ajv: Ajv2020): void {
  const load = (file: string) => JSON.parse(readFileSync(join(HSDS, file), 'utf8')) as J;
  const service = load('compiled/service.json');
  // taxonomy.json and taxonomy_term.json are not compiled; the compiled service embeds both
  const term = service.properties.attributes.items.properties.taxonomy_term;
  const files: Record<string, J> = { 'taxonomy_term.json': term, 'taxonomy.json': term.properties.taxonomy_detail };
  for (const file of ['service', 'service_list', 'organization', 'organization_list', 'service_at_location', 'service_at_location_list'])
    files[`compiled/${file}.json`] = load(`compiled/${file}.json`);
  for (const [file, schema] of Object.entries(files)) ajv.addSchema({ ...schema, $id: undefined }, `${HSDS_BASE}${file}`);
}

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

/** Checks answers against one served document with Ajv (JSON Schema 2020-12, formats). */
export class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: J) {
    this.ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateSchema: false }));
    addHsdsSchemas(this.ajv);
    this.ajv.addSchema(doc, SERVED);
  }

  /** The response object of `status`, `$ref`s to `#/components/responses` followed. */
  private response(op: DocumentedOperation, status: number): [J, string[]] | undefined {
    const key = String(status) in op.operation.responses ? String(status) : 'default' in op.operation.responses ? 'default' : undefined;
    if (!key) return undefined;
    let response = op.operation.responses[key];
    let at = ['paths', op.path, op.method, 'responses', key];
    while (response?.$ref) {
      at = (response.$ref as string).slice(2).split('/');
      response = at.reduce((node: J, s) => node?.[s], this.doc);
    }
    return [response, at];
  }

  /** Problems of one answer to `op` (empty when it fits the document). */
  async check(op: DocumentedOperation, res: Response): Promise<string[]> {
    const found = this.response(op, res.status);
    if (!found) return [`status ${res.status} is not documented`];
    const [response, at] = found;
    const text = await res.text();
    if (!response.content) return text === '' ? [] : [`status ${res.status} documents no body, got ${text.slice(0, 80)}`];
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!(type in response.content))
      return [`content type "${type}" of ${res.status} is not documented (${Object.keys(response.content).join(', ')})`];
    const schema = response.content[type].schema;
    if (!schema) return [`${res.status} ${type} documents no schema`];
    if (!/json$/.test(type)) return schema.type === 'string' ? [] : [`${type} should be documented as a string`];
    return this.validate(pointer(...at, 'content', type, 'schema'), type.endsWith('ndjson') ? ndjson(text) : [JSON.parse(text)]);
  }

  /** Problems of `values` against the schema at `path` of the served document (a JSON pointer). */
  validate(path: string, values: readonly unknown[]): string[] {
    let validate = this.compiled.get(path);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SERVED}#/${path}` });
      this.compiled.set(path, validate);
    }
    const errors: string[] = [];
    for (const value of values)
      if (!validate(value))
        errors.push(...(validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
    return errors;
  }

  /** The pointer of an operation's response schema (for tests that validate altered bodies). */
  static schemaPointer(op: DocumentedOperation, status: number, type = 'application/json'): string {
    return pointer('paths', op.path, op.method, 'responses', String(status), 'content', type, 'schema');
  }
}

const ndjson = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

/** One call of a documented operation. */
export interface ContractCall {
  /** The concrete path, with its query. */
  readonly path: string;
  /** The status the call must answer. */
  readonly status: number;
  /** The organisation of the staff token (for roles bound to an organisation). */
  readonly org?: string;
  /** Roles of the token; default the first documented role. Must be documented ones. */
  readonly roles?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body (an object) or raw text with `contentType`. */
  readonly body?: unknown;
  readonly contentType?: string;
}

/** What a call may use to prepare itself. */
export interface CallContext {
  readonly kit: TestKit;
  readonly app: Hono<KitEnv>;
  /** The `ETag` of a GET of `path` as an admin. */
  etag(path: string, headers?: Record<string, string>): Promise<string>;
}

/** The calls of a service's contract test, by operationId, in the order they run. */
export type ContractCalls = Readonly<Record<string, ContractCall | ((c: CallContext) => Promise<ContractCall> | ContractCall)>>;

/** Make the request of `call` for `op`, with a token of the roles it documents. */
export async function callOperation(c: CallContext, op: DocumentedOperation, call: ContractCall, withToken = true): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (op.roles && withToken && (!op.open || call.roles)) {
    const roles = call.roles ?? op.roles.slice(0, 1);
    const undocumented = roles.filter((r) => !op.roles!.includes(r));
    if (undocumented.length) throw new Error(`${op.operationId}: roles ${undocumented.join(', ')} are not documented`);
    headers.authorization = await c.kit.bearer({ roles: roles as LocalTokenClaims['roles'], ...(call.org ? { org: call.org } : {}) });
  }
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    headers['content-type'] = call.contentType ?? 'application/json';
  }
  return c.app.request(call.path, { method: op.method.toUpperCase(), headers, body });
}

/** A call context for `app`. */
export function callContext(kit: TestKit, app: Hono<KitEnv>): CallContext {
  return {
    kit,
    app,
    async etag(path, headers = {}) {
      const res = await app.request(path, { headers: { authorization: await kit.bearer({ roles: ['admin'] }), ...headers } });
      const etag = res.headers.get('etag');
      if (!etag) throw new Error(`no ETag on GET ${path} (${res.status})`);
      return etag;
    },
  };
}

/** What a service's contract test runs against. */
export interface ContractSetup {
  readonly kit: TestKit;
  readonly app: Hono<KitEnv>;
}

/**
 * The contract test of one service: the document it serves lists exactly the API routes the app
 * serves, every operation has an operationId and a call here, and every call (with the roles the
 * operation documents) answers a documented status and content type with a body the document's
 * schema accepts. Staff operations answer 401 without a token, as documented.
 */
export function contractSuite(api: string, setup: () => Promise<ContractSetup>, calls: ContractCalls): void {
  describe(`the OpenAPI document of ${api}`, () => {
    let doc: J;
    let ctx: CallContext;
    let validator: ContractValidator;
    let operations: Map<string, DocumentedOperation>;
    let app: Hono<KitEnv>;
    beforeAll(async () => {
      const s = await setup();
      app = s.app;
      ctx = callContext(s.kit, s.app);
      const res = await s.app.request(`${api}/openapi.json`);
      expect(res.status).toBe(200);
      doc = await res.json();
      validator = new ContractValidator(doc);
      operations = new Map(documentedOperations(doc).map((o) => [o.operationId, o]));
    });

    it('documents every API route the app serves, and only those', () => {
      const served = servedApiRoutes(app);
      expect(served.length).toBeGreaterThan(3);
      expect(documentedRoutes(doc)).toEqual(served);
    });

    it('names every operation and has a call for each', () => {
      expect(operations.size).toBe(documentedOperations(doc).length);
      expect([...operations.keys()].sort()).toEqual(Object.keys(calls).sort());
    });

    it('documents a body for every successful answer but 204 and 304', () => {
      const bare = documentedOperations(doc).flatMap((o) =>
        Object.entries<J>(o.operation.responses)
          .filter(([status, r]) => /^2/.test(status) && status !== '204' && !r.content && !r.$ref)
          .map(([status]) => `${o.operationId} ${status}`),
      );
      expect(bare).toEqual([]);
    });

    for (const [operationId, spec] of Object.entries(calls))
      it(`${operationId} answers as documented`, async () => {
        const op = operations.get(operationId);
        expect(op, `${operationId} is not in the document`).toBeDefined();
        const call = typeof spec === 'function' ? await spec(ctx) : spec;
        const res = await callOperation(ctx, op!, call);
        const copy = res.clone();
        expect(res.status, `${operationId}: ${await copy.text().then((t) => t.slice(0, 300))}`).toBe(call.status);
        expect(await validator.check(op!, res)).toEqual([]);
      });

    it('refuses a call without a query parameter it documents as required, as documented', async () => {
      const required = documentedOperations(doc).flatMap((op) =>
        ((op.operation.parameters ?? []) as J[]).filter((p) => p.in === 'query' && p.required).map((p) => ({ op, name: p.name as string })),
      );
      let checked = 0;
      for (const { op, name } of required) {
        const spec = calls[op.operationId]!;
        const call = typeof spec === 'function' ? await spec(ctx) : spec;
        const url = new URL(call.path, 'http://localhost');
        expect(url.searchParams.has(name), `the call of ${op.operationId} lacks its required ${name}`).toBe(true);
        url.searchParams.delete(name);
        const res = await callOperation(ctx, op, { ...call, path: `${url.pathname}${url.search}` });
        expect(res.status, `${op.operationId} without ${name}`).toBe(400);
        expect(await validator.check(op, res)).toEqual([]);
        checked++;
      }
      expect(checked).toBe(required.length);
    });

    it('refuses every staff-only operation to a role it does not document, as documented', async () => {
      const ROLES = ['admin', 'editor', 'moderator'];
      const staffOnly = documentedOperations(doc).filter((o) => o.roles && !o.open && ROLES.some((r) => !o.roles!.includes(r)));
      expect(staffOnly.length).toBeGreaterThan(0);
      for (const op of staffOnly) {
        const spec = calls[op.operationId]!;
        const call = typeof spec === 'function' ? await spec(ctx) : spec;
        const other = ROLES.find((r) => !op.roles!.includes(r))!;
        const res = await callOperation(ctx, { ...op, roles: [...op.roles!, other] }, { ...call, roles: [other] });
        expect(res.status, `${op.operationId} as ${other}`).toBe(403);
        expect(await validator.check(op, res), op.operationId).toEqual([]);
      }
    });

    it('refuses every staff-only operation without a token, as documented', async () => {
      const staffOnly = documentedOperations(doc).filter((o) => o.roles && !o.open);
      expect(staffOnly.length).toBeGreaterThan(0);
      for (const op of staffOnly) {
        const spec = calls[op.operationId]!;
        const call = typeof spec === 'function' ? await spec(ctx) : spec;
        const res = await callOperation(ctx, op, call, false);
        expect(res.status, op.operationId).toBe(401);
        expect(await validator.check(op, res), op.operationId).toEqual([]);
      }
    });
  });
}
