import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.js';

/** What the Lambda adapter puts in `c.env` (absent locally and in tests). */
interface LambdaEnv {
  readonly requestContext?: { readonly requestId?: string };
  readonly lambdaContext?: { readonly awsRequestId?: string };
}

/**
 * One log line per request: service, method, route (the registered pattern, never the raw path
 * or query, which may carry names or ids typed by the public), status, duration and the API
 * Gateway request id (the `requestId` of the access log). Errors are ERROR, 4xx and the rest INFO.
 *
 * @example
 * app.use(requestLog(deps.log, 'directory'));
 */
export function requestLog(log: Logger, service: string, now: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    await next();
    const env = (c.env ?? {}) as LambdaEnv;
    const route = routePath(c, -1);
    const status = c.res.status;
    (status >= 500 ? log.error : log.info)('request', {
      service,
      method: c.req.method,
      route: route === '*' || route === '/*' ? '(no route)' : route,
      status,
      durationMs: Math.round(now() - started),
      requestId: env.requestContext?.requestId ?? env.lambdaContext?.awsRequestId,
    });
  };
}
