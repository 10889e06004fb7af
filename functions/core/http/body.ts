import type { Context } from 'hono';
import type * as z from 'zod';
import { badRequest, ProblemError, type FieldError } from './problem.js';

/** The largest request body any route accepts (bytes). Routes may set a smaller one. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Turn zod issues into field errors with dotted paths. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)';
    // Custom checks (e.g. core/text) carry their Swedish text in params.sv.
    const sv = i.code === 'custom' && typeof i.params?.['sv'] === 'string' ? (i.params['sv'] as string) : undefined;
    return sv ? { field, message: i.message, sv } : { field, message: i.message };
  });
}

/** Read the raw body with a size limit; 413 problem when it is larger. */
export async function readBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  const tooLarge = () =>
    new ProblemError({
      status: 413,
      title: 'För stor begäran',
      detail: `The body may be at most ${maxBytes} bytes.`,
      errors: [{ field: '(body)', message: 'Too large' }],
    });
  if (declared > maxBytes) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw tooLarge();
  return new TextDecoder('utf-8', { fatal: false }).decode(buffer);
}

/**
 * Parse a JSON body and validate it with `schema`. Non-JSON bodies, a wrong content type and
 * invalid fields all answer 400/415 problem+json naming what is wrong.
 *
 * @example
 * const input = await jsonBody(c, z.object({ title: z.string() }));
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the body as application/json.',
      errors: [{ field: 'Content-Type', message: 'Expected application/json' }],
    });
  }
  const raw = await readBody(c, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw badRequest([{ field: '(body)', message: 'The body is not valid JSON', sv: 'Innehållet är inte giltig JSON' }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw badRequest(fieldErrors(result.error.issues));
  return result.data;
}

/** Validate query parameters with `schema`; 400 naming each bad parameter. */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const url = new URL(c.req.url);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(fieldErrors(result.error.issues), 'Invalid query parameters.');
  return result.data;
}
