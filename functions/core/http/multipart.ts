import type { Context } from 'hono';
import { decodeUtf8, readBytes } from './body.js';
import { badRequest, ProblemError } from './problem.js';

/** One part of a `multipart/form-data` body: its field name, file name (for a file) and bytes. */
export interface MultipartPart {
  readonly name: string;
  /** Present for a file input (may be empty when no file was chosen). */
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Uint8Array;
}

/** A parsed form: the parts in order, with getters for one text field and one file. */
export interface MultipartForm {
  readonly parts: readonly MultipartPart[];
  /** The text of field `name` (strict UTF-8, 400 naming the field otherwise); `undefined` when absent. */
  text(name: string): string | undefined;
  /** The file part `name` with a file chosen (a non-empty file name); `undefined` otherwise. */
  file(name: string): MultipartPart | undefined;
}

/** Limits of `readMultipart`. */
export interface MultipartOptions {
  /** The largest body in bytes (413 when larger). */
  readonly maxBytes: number;
  /** The most parts the form may have. @default 16 */
  readonly maxParts?: number;
}

const malformed = (message: string, sv: string) =>
  badRequest([{ field: '(body)', message, sv }], 'The body is not a well-formed multipart/form-data form.');

/** The boundary of a `multipart/form-data` content type (RFC 7578, RFC 2046: 1–70 characters). */
function boundaryOf(contentType: string): string | undefined {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(;|$)/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from);
}

/** A `name="…"` parameter of a Content-Disposition value; browsers escape `"`, CR and LF as `%22`, `%0D`, `%0A` (HTML). */
function param(value: string, key: string): string | undefined {
  const m = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(value);
  return m?.[1]?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

/**
 * Parse a `multipart/form-data` body strictly: the boundary from the content type, each part
 * with a `Content-Disposition: form-data` naming its field, and the closing delimiter (a body cut
 * off before it is refused, never read in part). Throws 400 problem+json naming `(body)`.
 *
 * @example
 * const parts = parseMultipart(bytes, 'multipart/form-data; boundary=x', 8);
 */
export function parseMultipart(body: Uint8Array, contentType: string, maxParts = 16): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) malformedThrow('Expected multipart/form-data with a boundary', 'Formuläret saknar gräns (boundary)');
  const enc = new TextEncoder();
  const delimiter = enc.encode(`--${boundary}`);
  const next = enc.encode(`\r\n--${boundary}`);
  // the first delimiter may follow a preamble (RFC 2046); browsers send none
  let at = indexOf(body, delimiter, 0);
  if (at < 0 || (at > 0 && indexOf(body, next, 0) !== at - 2))
    malformedThrow('The first boundary is missing', 'Formulärets första gräns saknas');
  at += delimiter.length;
  const parts: MultipartPart[] = [];
  for (;;) {
    // after a delimiter: `--` closes the body, CRLF starts a part
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a)
      malformedThrow('A boundary is not followed by a line break', 'Felaktig gräns i formuläret');
    if (parts.length >= maxParts) malformedThrow(`At most ${maxParts} fields`, `Högst ${maxParts} fält`);
    const headStart = at + 2;
    const headEnd = indexOf(body, enc.encode('\r\n\r\n'), headStart);
    const end = indexOf(body, next, headStart);
    if (end < 0) malformedThrow('The form is cut off before its closing boundary', 'Formuläret är avkortat: slutgränsen saknas');
    if (headEnd < 0 || headEnd > end) malformedThrow('A part has no header block', 'En del av formuläret saknar rubriker');
    let head: string;
    try {
      head = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(headStart, headEnd));
    } catch {
      throw malformed('A part header is not UTF-8', 'En rubrik i formuläret är inte UTF-8');
    }
    const headers = new Map<string, string>();
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) malformedThrow('A part header is malformed', 'En rubrik i formuläret är felaktig');
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = param(disposition, 'name');
    if (!/^form-data\s*;/i.test(disposition) || name === undefined)
      malformedThrow('A part has no Content-Disposition: form-data with a name', 'En del av formuläret saknar namn');
    const filename = param(disposition, 'filename');
    const type = headers.get('content-type');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      data: body.subarray(headEnd + 4, end),
    });
    at = end + next.length;
  }
}

function malformedThrow(message: string, sv: string): never {
  throw malformed(message, sv);
}

/** The parts as a `MultipartForm`. */
export function multipartForm(parts: readonly MultipartPart[]): MultipartForm {
  return {
    parts,
    text: (name) => {
      const part = parts.find((p) => p.name === name && p.filename === undefined);
      return part ? decodeUtf8(part.data, name, { keepBom: true }) : undefined;
    },
    file: (name) => parts.find((p) => p.name === name && p.filename !== undefined && p.filename !== ''),
  };
}

/**
 * Read a `multipart/form-data` body (a form with a file input) strictly and with a size limit:
 * 415 for another content type, 413 when larger than `maxBytes`, 400 when malformed or cut off.
 *
 * @example
 * const form = await readMultipart(c, { maxBytes: 2 * 1024 * 1024 });
 * const file = form.file('fil'); // file?.data is the file's bytes
 */
export async function readMultipart(c: Context, options: MultipartOptions): Promise<MultipartForm> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type))
    throw new ProblemError({
      status: 415,
      title: 'Fel innehållstyp',
      detail: 'Send the form as multipart/form-data.',
      errors: [{ field: 'Content-Type', message: 'Expected multipart/form-data' }],
    });
  return multipartForm(parseMultipart(await readBytes(c, options.maxBytes), type, options.maxParts));
}
