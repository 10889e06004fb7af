import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for requests to S3 (header-based authentication, signed payload), on
 * `node:crypto` alone. The rules S3 applies:
 * - the canonical URI is the request path as sent, each segment RFC 3986-encoded once (S3 does
 *   not normalise `.`/`..` or encode a second time, unlike the other services);
 * - the query is sorted by encoded name and value, each encoded the same way;
 * - every header sent but `content-length` is signed, names lowercased and sorted, values trimmed;
 * - `x-amz-content-sha256` carries the SHA-256 of the real payload, so S3 refuses a body that
 *   changed on the way.
 */

/** Credentials to sign with; `sessionToken` for temporary (role) credentials. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** One request to sign. */
export interface SigningRequest {
  readonly method: string;
  /** The `Host` header as it will be sent: host name, and `:port` unless it is the scheme's default. */
  readonly host: string;
  /** The path as it will be sent, already encoded (see `encodePath`). */
  readonly path: string;
  /** Query parameters, unencoded. */
  readonly query?: Readonly<Record<string, string>>;
  /** Headers to send besides the ones signing adds; names in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the payload (`sha256Hex(body)`, or `EMPTY_SHA256` for none). */
  readonly payloadHash: string;
}

/** Where and when a request is signed. */
export interface SigningScope {
  readonly credentials: Credentials;
  readonly region: string;
  /** `s3` for S3; the signer is generic. */
  readonly service: string;
  readonly date: Date;
}

/** SHA-256 of no bytes, the payload hash of GET, DELETE and LIST. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Hex SHA-256 of a payload. */
export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: Uint8Array | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * RFC 3986 encoding: every byte but the unreserved characters `A-Z a-z 0-9 - . _ ~` as `%XX`
 * (upper-case hex, UTF-8). `encodeURIComponent` leaves `!'()*` alone, which SigV4 does not.
 */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A path of segments, each encoded once, `/` kept: `/bucket/a b/å.json` → `/bucket/a%20b/%C3%A5.json`. */
export const encodePath = (path: string): string => path.split('/').map(uriEncode).join('/');

/** The canonical query string: `name=value` pairs encoded, sorted by name then value, joined with `&`. */
export function canonicalQuery(query: Readonly<Record<string, string>> = {}): string {
  return Object.entries(query)
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** `20130524T000000Z`: the ISO 8601 basic form SigV4 uses. */
export const amzDate = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

let cachedKey: { readonly id: string; readonly key: Buffer } | undefined;

/** The signing key of one day, region and service; the last one is kept (it changes once a day). */
function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const id = `${secret}\n${day}\n${region}\n${service}`;
  if (cachedKey?.id !== id) {
    const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
    cachedKey = { id, key };
  }
  return cachedKey.key;
}

/**
 * Sign a request: the headers to send with it (lowercase names), the caller's own plus `host`,
 * `x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` when the credentials have one, and
 * `authorization`. (`host` is returned for completeness; an HTTP client sets it from the URL.)
 *
 * @example
 * const headers = signRequest(
 *   { method: 'GET', host: 'bucket.s3.eu-north-1.amazonaws.com', path: '/a.json', payloadHash: EMPTY_SHA256 },
 *   { credentials, region: 'eu-north-1', service: 's3', date: new Date() },
 * );
 */
export function signRequest(request: SigningRequest, scope: SigningScope): Record<string, string> {
  const stamp = amzDate(scope.date);
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = request.host;
  headers['x-amz-date'] = stamp;
  headers['x-amz-content-sha256'] = request.payloadHash;
  if (scope.credentials.sessionToken) headers['x-amz-security-token'] = scope.credentials.sessionToken;

  const names = Object.keys(headers)
    .filter((name) => name !== 'content-length' && name !== 'authorization')
    .sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path || '/',
    canonicalQuery(request.query),
    ...names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = hmac(signingKey(scope.credentials.secretAccessKey, day, scope.region, scope.service), stringToSign).toString('hex');
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${scope.credentials.accessKeyId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
