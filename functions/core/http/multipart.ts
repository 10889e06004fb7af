import type { Context } from 'hono';
import { readBytes } from './body.js';
import { badRequest, ProblemError } from './problem.js';

/** One part of a `multipart/form-data` body (RFC 7578). */
export interface MultipartPart {
  /** The form field's name (`Content-Disposition: form-data; name="…"`). */
  readonly name: string;
  /** The file name the browser sent, for a file field (empty when no file was chosen). */
  readonly filename?: string;
  /** The part's `Content-Type`, when sent. */
  readonly contentType?: string;
  /** The part's bytes, exactly as sent. */
  readonly bytes: Uint8Array;
}

/** A parsed `multipart/form-data` body. */
export interface MultipartForm {
  readonly parts: readonly MultipartPart[];
  /** The first text field of this name, decoded as UTF-8 (400 naming the field when it is not). */
  field(name: string): string | undefined;
  /** The first part of this name that carries a chosen file (a file name and at least one byte). */
  file(name: string): MultipartPart | undefined;
}

/** Limits of `multipartBody`. */
export interface MultipartLimits {
  /** The largest body in bytes (413 when larger). */
  readonly maxBytes: number;
  /** The most parts (400 when more). @default 20 */
  readonly maxParts?: number;
}

const CRLF = new Uint8Array([13, 10]);
const HEADER_END = new Uint8Array([13, 10, 13, 10]);
const MAX_HEADER_BYTES = 2048;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const malformed = (message: string) =>
  badRequest([{ field: '(body)', message, sv: 'Formuläret kunde inte läsas' }], 'The body is not well-formed multipart/form-data.');

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first ?? 0, from);
    i >= 0 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first ?? 0, i + 1)
  ) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** The boundary of a `multipart/form-data` content type; `undefined` for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

/** A `name="…"` parameter of a `Content-Disposition` header (quoted form, as browsers send it). */
function param(header: string, key: string): string | undefined {
  const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  return m ? m[1]!.replace(/\\(.)/g, '$1').replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n') : undefined;
}

/** Parse one part's header block; throws 400 when it is not a `form-data` part with a name. */
function partHeaders(bytes: Uint8Array): { name: string; filename?: string; contentType?: string } {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    throw malformed('A part header is not UTF-8');
  }
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('A part header line has no name');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw malformed('A part is not form-data');
  const name = param(disposition, 'name');
  if (name === undefined) throw malformed('A part has no name');
  const filename = param(disposition, 'filename');
  return { name, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) };
}

/**
 * Parse `multipart/form-data` bytes strictly (RFC 7578 as browsers send it): every part a
 * `form-data` part with a name, at most `maxParts` parts, the closing boundary present. Anything
 * else is a 400 problem naming the body. Part bytes are kept as sent (no charset guessing).
 *
 * @example
 * const parts = parseMultipart(bytes, 'XyZ', 10); parts[0].name;
 */
export function parseMultipart(body: Uint8Array, boundary: string, maxParts = 20): MultipartPart[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at < 0) throw malformed('No boundary in the body');
  for (;;) {
    at += delimiter.length;
    // the closing delimiter: `--boundary--`
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    // skip transport padding (spaces, tabs) before the line end
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (body[at] !== 13 || body[at + 1] !== 10) throw malformed('A boundary line does not end in CRLF');
    at += 2;
    if (parts.length >= maxParts) throw malformed(`More than ${maxParts} parts`);
    const headerEnd = indexOf(body, HEADER_END, at);
    if (headerEnd < 0 || headerEnd - at > MAX_HEADER_BYTES) throw malformed('A part header is missing or too long');
    const headers = partHeaders(body.subarray(at, headerEnd));
    const start = headerEnd + HEADER_END.length;
    const next = indexOf(body, new Uint8Array([...CRLF, ...delimiter]), start);
    if (next < 0) throw malformed('The body ends before its closing boundary');
    parts.push({ ...headers, bytes: body.subarray(start, next) });
    at = next + CRLF.length;
  }
}

/** A `MultipartForm` over parsed parts. */
export function multipartForm(parts: readonly MultipartPart[]): MultipartForm {
  return {
    parts,
    field(name) {
      const part = parts.find((p) => p.name === name && p.filename === undefined);
      if (!part) return undefined;
      try {
        return strict.decode(part.bytes);
      } catch {
        throw badRequest(
          [{ field: name, message: 'Not valid UTF-8', sv: 'Fältet är inte giltig UTF-8-text' }],
          'Form fields must be UTF-8.',
        );
      }
    },
    file(name) {
      return parts.find((p) => p.name === name && p.filename && p.bytes.length > 0);
    },
  };
}

/**
 * Read a `multipart/form-data` body (a plain HTML form with `enctype="multipart/form-data"`, as a
 * file upload needs) with a size limit: 415 for another content type, 413 when larger than
 * `maxBytes`, 400 when malformed. The whole body is held in memory, so keep `maxBytes` small.
 *
 * @example
 * const form = await multipartBody(c, { maxBytes: 1024 * 1024 });
 * const file = form.file('fil'); // MultipartPart | undefined
 */
export async function multipartBody(c: Context, limits: MultipartLimits): Promise<MultipartForm> {
  const boundary = multipartBoundary(c.req.header('content-type'));
  if (!boundary)
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the form as multipart/form-data with a boundary.',
      errors: [{ field: 'Content-Type', message: 'Expected multipart/form-data', sv: 'Skicka formuläret som multipart/form-data' }],
    });
  return multipartForm(parseMultipart(await readBytes(c, limits.maxBytes), boundary, limits.maxParts));
}
