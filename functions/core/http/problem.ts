import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One bad field of a request, named as the client sent it. */
export interface FieldError {
  /** The field: a JSON pointer-like path (`email`, `cells.0.value`) or a query parameter name. */
  readonly field: string;
  /** English explanation for developers. */
  readonly message: string;
  /** Swedish explanation for people. */
  readonly sv?: string;
}

/** The parts of an RFC 9457 problem document the kit uses. */
export interface ProblemInit {
  readonly status: ContentfulStatusCode;
  /** Short Swedish summary, the same for every occurrence of this kind of problem. */
  readonly title: string;
  /** English detail where useful. */
  readonly detail?: string;
  /** A URI naming the problem kind (default `about:blank`). */
  readonly type?: string;
  readonly errors?: readonly FieldError[];
  /** Extra members, e.g. the current version on a 412. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Throw anywhere in a route to answer with `application/problem+json`. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

/** Render a problem document (`application/problem+json`). */
export function problemResponse(c: Context, p: ProblemInit): Response {
  const body = {
    type: p.type ?? 'about:blank',
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(p.errors?.length ? { errors: p.errors } : {}),
    ...p.extensions,
  };
  return c.body(JSON.stringify(body), p.status, { 'Content-Type': 'application/problem+json; charset=utf-8', ...p.headers });
}

/** 400 with the list of bad fields. */
export function badRequest(errors: readonly FieldError[], detail = 'The request has invalid fields.'): ProblemError {
  return new ProblemError({ status: 400, title: 'Ogiltig begäran', detail, errors });
}

/** 404 for a resource that does not exist. */
export function notFound(detail = 'No such resource.'): ProblemError {
  return new ProblemError({ status: 404, title: 'Hittades inte', detail });
}

/** 412 when `If-Match` names a stale version; carries the current ETag. */
export function preconditionFailed(currentEtag?: string, current?: unknown): ProblemError {
  return new ProblemError({
    status: 412,
    title: 'Uppgiften har ändrats av någon annan',
    detail: 'The resource was changed since you read it. Re-read it and apply your change again.',
    extensions: { ...(currentEtag ? { currentEtag } : {}), ...(current !== undefined ? { current } : {}) },
    headers: currentEtag ? { ETag: currentEtag } : undefined,
  });
}

/** 428 when a write to an existing resource lacks `If-Match`. */
export function preconditionRequired(): ProblemError {
  return new ProblemError({
    status: 428,
    title: 'If-Match saknas',
    detail: 'Updating an existing resource requires an If-Match header with its ETag.',
    errors: [{ field: 'If-Match', message: 'Required header', sv: 'Rubriken If-Match krävs' }],
  });
}
