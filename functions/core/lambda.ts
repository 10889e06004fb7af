import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { createJwtAuth } from './auth/auth.js';
import type { CountyConfig } from './config/schema.js';
import { systemClock, type AppDeps } from './deps.js';
import type { KitEnv } from './http/staff.js';
import { createLogger, type LoggerOptions } from './log.js';
import type { ServiceName } from './routes.js';
import { S3ObjectClient } from './store/s3-client.js';
import { S3Store } from './store/s3-store.js';

/** The settings a function receives from its stack (as environment variables). */
export interface LambdaSettings {
  /**
   * The county config as JSON, inlined at bundle time from the config `cdk synth` validated (its
   * parsed output, defaults filled in), so the function does not carry or run the config schema.
   */
  readonly configJson: string;
  readonly bucket: string | undefined;
  readonly userPoolIssuer: string | undefined;
  readonly userPoolClientId: string | undefined;
  readonly publicOrigin: string | undefined;
  /** Path-style S3 addressing, for S3-compatible endpoints in tests (`AWS_ENDPOINT_URL_S3`). */
  readonly s3ForcePathStyle?: boolean;
  /** The lowest level logged: Lambda's application log level (`AWS_LAMBDA_LOG_LEVEL`). */
  readonly logLevel?: string;
  /** Where log lines go (default stdout/stderr, which Lambda sends to the function's log group). */
  readonly writeLog?: LoggerOptions['write'];
}

/**
 * The settings from the function's environment, as the stack sets them.
 *
 * @example
 * export const handler = lambdaHandler('feedback', createFeedbackApp, settingsFromEnv(__COUNTY_CONFIG__));
 */
export const settingsFromEnv =
  (configJson: string): (() => LambdaSettings) =>
  () => ({
    configJson,
    bucket: process.env.DATA_BUCKET,
    userPoolIssuer: process.env.USER_POOL_ISSUER,
    userPoolClientId: process.env.USER_POOL_CLIENT_ID,
    publicOrigin: process.env.PUBLIC_ORIGIN,
    s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    logLevel: process.env.AWS_LAMBDA_LOG_LEVEL,
  });

type LambdaHandler = ReturnType<typeof handle>;

/** Housekeeping run on an EventBridge schedule, never inside a user's request. */
export type ScheduledTask = (deps: AppDeps) => Promise<unknown>;

/** Whether an invocation is an EventBridge scheduled event rather than an HTTP request. */
export const isScheduledEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { source?: unknown }).source === 'aws.events';

/** Work on objects just written, run on the bucket's object-created notification with their decoded keys. */
export type ObjectsCreatedTask = (keys: readonly string[], deps: AppDeps) => Promise<unknown>;

/** The records of an S3 event notification; `undefined` for any other invocation. */
function s3Records(event: unknown): unknown[] | undefined {
  const records = (event as { Records?: unknown } | null)?.Records;
  return Array.isArray(records) && records.some((r) => (r as { eventSource?: unknown } | null)?.eventSource === 'aws:s3')
    ? records
    : undefined;
}

/**
 * The object keys of an S3 event's records, decoded (S3 sends them URL-encoded, '+' for a space).
 * A malformed record is logged, with at most the key's folder, and skipped.
 */
function createdKeys(records: readonly unknown[], log: AppDeps['log']): string[] {
  return records.flatMap((record) => {
    const key = (record as { s3?: { object?: { key?: unknown } } } | null)?.s3?.object?.key;
    try {
      if (typeof key !== 'string' || key === '') throw new TypeError('no key');
      return [decodeURIComponent(key.replace(/\+/g, ' '))];
    } catch {
      log.warn('malformed S3 record skipped', { prefix: typeof key === 'string' ? key.slice(0, key.lastIndexOf('/') + 1) : undefined });
      return [];
    }
  });
}

let s3Client: S3ObjectClient | undefined;

/**
 * Wrap a service app factory as a Lambda handler for API Gateway HTTP API events. Dependencies
 * are built on the first invocation and kept for the life of the execution environment: one S3
 * client per process, the signing keys cached by jose. An EventBridge scheduled event runs
 * `scheduled` (housekeeping) instead of the app; an S3 object-created notification runs
 * `objectsCreated` with the decoded keys, and never reaches the app.
 *
 * @example
 * export const handler = lambdaHandler('directory', createDirectoryApp, settingsFromEnv);
 */
export function lambdaHandler(
  service: ServiceName | 'staff',
  factory: (deps: AppDeps) => Hono<KitEnv>,
  settings: () => LambdaSettings,
  scheduled?: ScheduledTask,
  objectsCreated?: ObjectsCreatedTask,
): LambdaHandler {
  let handler: LambdaHandler | undefined;
  let appDeps: AppDeps | undefined;
  return (async (event: Parameters<LambdaHandler>[0], context: Parameters<LambdaHandler>[1]) => {
    if (!handler) {
      const s = settings();
      const log = createLogger({ service, minLevel: s.logLevel, write: s.writeLog });
      if (!s.bucket || !s.userPoolIssuer || !s.userPoolClientId) {
        log.error('missing settings', {
          bucket: Boolean(s.bucket),
          issuer: Boolean(s.userPoolIssuer),
          client: Boolean(s.userPoolClientId),
        });
        return {
          statusCode: 503,
          headers: { 'content-type': 'application/problem+json; charset=utf-8' },
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Tjänsten är inte konfigurerad',
            status: 503,
            detail: 'The function is missing its settings.',
          }),
        };
      }
      s3Client ??= new S3ObjectClient({ forcePathStyle: s.s3ForcePathStyle === true });
      const deps: AppDeps = {
        config: JSON.parse(s.configJson) as CountyConfig,
        store: new S3Store({ client: s3Client, bucket: s.bucket }),
        clock: systemClock,
        auth: createJwtAuth({
          issuer: s.userPoolIssuer,
          audience: s.userPoolClientId,
          keys: createRemoteJWKSet(new URL(`${s.userPoolIssuer}/.well-known/jwks.json`)),
        }),
        log,
        publicOrigin: s.publicOrigin || undefined,
      };
      appDeps = deps;
      handler = handle(factory(deps));
    }
    if (scheduled && appDeps && isScheduledEvent(event)) return (await scheduled(appDeps)) as Awaited<ReturnType<LambdaHandler>>;
    const records = s3Records(event);
    if (records && appDeps) {
      const keys = createdKeys(records, appDeps.log);
      if (!objectsCreated) appDeps.log.warn('S3 notification without a task', { records: records.length });
      return (objectsCreated && keys.length > 0 ? await objectsCreated(keys, appDeps) : undefined) as Awaited<ReturnType<LambdaHandler>>;
    }
    return handler(event, context);
  }) as LambdaHandler;
}
