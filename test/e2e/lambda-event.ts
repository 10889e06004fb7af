import type { LambdaSettings } from '../../functions/core/lambda.js';
import { areaConfig } from '../support/deps.js';

/**
 * Settings of a Lambda handler in a unit test: the area's config, a bucket that is never called,
 * a made-up user pool, and log lines to `out`.
 *
 * @example
 * const handler = lambdaHandler('directory', createDirectoryApp, lambdaTestSettings('jamtland', lines));
 */
export const lambdaTestSettings =
  (area: string, out: string[]): (() => LambdaSettings) =>
  () => ({
    configJson: JSON.stringify(areaConfig(area)),
    bucket: 'unused',
    userPoolIssuer: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_test',
    userPoolClientId: 'client',
    publicOrigin: undefined,
    writeLog: (_level, line) => out.push(line),
  });

/** Options of `httpApiEvent`. */
export interface HttpApiEventOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly query?: string;
}

/**
 * An API Gateway HTTP API (payload 2.0) event as the `$default` stage delivers it to a function,
 * for a request to `path`.
 *
 * @example
 * const event = httpApiEvent('/api/directory/health');
 */
export function httpApiEvent(path: string, options: HttpApiEventOptions = {}): Record<string, unknown> {
  const method = options.method ?? 'GET';
  const domainName = 'e2e0000000.execute-api.eu-north-1.amazonaws.com';
  const now = new Date('2026-11-23T10:00:00Z');
  return {
    version: '2.0',
    routeKey: `ANY ${path}`,
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: {
      accept: 'text/html,application/json;q=0.9',
      'accept-language': 'sv-SE,sv;q=0.9',
      host: domainName,
      'user-agent': 'county-kit-e2e',
      'x-forwarded-for': '192.0.2.10',
      'x-forwarded-proto': 'https',
      ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'e2e0000000',
      domainName,
      domainPrefix: 'e2e0000000',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'county-kit-e2e' },
      requestId: `e2e-${method}-${path}`,
      routeKey: `ANY ${path}`,
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: now.getTime(),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: false,
  };
}
