import type { Context } from 'hono';
import type * as z from 'zod';
import { bilingualFieldErrors } from './field-messages.js';
import { parseFormBytes, type FormFields } from './form.js';
import { badRequest, ProblemError } from './problem.js';

export { bilingualFieldErrors, fieldErrors } from './field-messages.js';

/** The largest request body any route accepts (bytes). Routes may set a smaller one. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Read the raw body bytes with a size limit; 413 problem (naming the limit) when it is larger. */
export async function readBytes(c: Context, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '0');
  const tooLarge = () =>
    new ProblemError({
      status: 413,
      title: 'För stor begäran',
      detail: `The body may be at most ${maxBytes} bytes.`,
      errors: [{ field: '(body)', message: 'Too large', sv: `Innehållet får vara högst ${maxBytes} byte` }],
    });
  if (declared > maxBytes) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw tooLarge();
  return new Uint8Array(buffer);
}

/** Read the raw body as UTF-8 text with a size limit; 413 when larger, 400 when not UTF-8. */
export async function readBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return decodeUtf8(await readBytes(c, maxBytes), '(body)');
}

/** The offset of the first byte that starts no well-formed UTF-8 sequence, or -1 (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the allowed range of the first one
    // (which rules out overlong forms, surrogates and code points above U+10FFFF).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Where text was read from, for the 400 that names it. */
interface Utf8Source {
  /** Keep a leading byte order mark (inside a form field it is part of the value). */
  readonly keepBom?: boolean;
  /** The English `detail` of the 400. */
  readonly detail?: string;
}

const UTF8_SV: Record<string, string> = {
  '(body)': 'Innehållet är inte giltig UTF-8-text',
  '(query)': 'Adressens frågedel är inte giltig UTF-8-text',
};

/**
 * Decode UTF-8 strictly: a malformed or truncated sequence, an overlong form or an encoded
 * surrogate answers 400 naming `field` instead of turning silently into U+FFFD. A leading byte
 * order mark is dropped unless `keepBom`.
 */
export function decodeUtf8(bytes: Uint8Array, field: string, source: Utf8Source = {}): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: source.keepBom ?? false }).decode(bytes);
  } catch {
    throw badRequest(
      [{ field, message: `Not valid UTF-8 (byte ${firstInvalidUtf8(bytes)})`, sv: UTF8_SV[field] ?? 'Fältet är inte giltig UTF-8-text' }],
      source.detail ?? 'The body must be UTF-8 text.',
    );
  }
}

/**
 * Parse `application/x-www-form-urlencoded` text (a form body or a query string) as WHATWG URL
 * does, but refuse percent-encoded bytes that are not UTF-8, naming the field (or `whole` when a
 * name is bad).
 */
export function parseUrlEncoded(raw: string, whole: '(body)' | '(query)'): URLSearchParams {
  const { params, invalid, badName } = parseFormBytes(new TextEncoder().encode(raw));
  const detail = whole === '(query)' ? 'The query string must be UTF-8.' : 'The body must be UTF-8 text.';
  const field = badName ? whole : invalid[0];
  if (field !== undefined)
    throw badRequest([{ field, message: 'Not valid UTF-8', sv: UTF8_SV[field] ?? 'Fältet är inte giltig UTF-8-text' }], detail);
  return params;
}

/**
 * Read a URL-encoded form (`application/x-www-form-urlencoded`) with a size limit. Percent-encoded
 * bytes that are not UTF-8 answer 400 naming the field, where `URLSearchParams` alone would
 * replace them silently.
 *
 * @example
 * const form = await formBody(c, 4096); form.get('name');
 */
export async function formBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<URLSearchParams> {
  return parseUrlEncoded(await readBody(c, maxBytes), '(body)');
}

/**
 * Read a URL-encoded form body of at most `maxBytes` (413 problem when larger) and parse it field
 * by field (`parseFormBytes`), so a form can keep what it could read and name what it could not.
 *
 * @example
 * const { params, invalid } = await readFormFields(c, 16_384);
 */
export async function readFormFields(c: Context, maxBytes: number): Promise<FormFields> {
  return parseFormBytes(await readBytes(c, maxBytes));
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
  if (!result.success) throw badRequest(bilingualFieldErrors(result.error.issues));
  return result.data;
}

/** Validate query parameters with `schema`; 400 naming each bad parameter (or one that is not UTF-8). */
export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const search = parseUrlEncoded(new URL(c.req.url).search.slice(1), '(query)');
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest(bilingualFieldErrors(result.error.issues), 'Invalid query parameters.');
  return result.data;
}

/** 415 unless the body is declared as CSV (`text/csv`, or `text/plain` as some tools send it). */
export function assertCsvBody(c: Context): void {
  if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the file as text/csv.',
      errors: [{ field: 'Content-Type', message: 'Expected text/csv', sv: 'Skicka filen som text/csv' }],
    });
}
