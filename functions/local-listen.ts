import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * The most bytes of request line and headers together the local server reads (Node's default).
 * API Gateway's HTTP API allows 10,240 bytes of request line and header values; see
 * docs/architecture.md.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

interface ClientProblem {
  readonly status: number;
  readonly reason: string;
  readonly title: string;
  readonly detail: string;
  readonly field: string;
  readonly message: string;
  readonly sv: string;
}

function problemFor(code: string | undefined): ClientProblem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        title: 'Adressen eller rubrikerna är för långa',
        detail: `The request line and headers together may be at most ${MAX_HEADER_BYTES} bytes. Shorten the address (for example a long cursor or search) or clear the site's cookies.`,
        field: '(headers)',
        message: `Request line and headers longer than ${MAX_HEADER_BYTES} bytes`,
        sv: 'Adressen och rubrikerna är längre än servern tar emot',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        reason: 'Payload Too Large',
        title: 'För stor begäran',
        detail: 'The chunk extensions of the body are too long.',
        field: '(body)',
        message: 'Chunk extensions too long',
        sv: 'Innehållet är för stort',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'HPE_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        title: 'Begäran tog för lång tid',
        detail: 'The request did not arrive in time. Send it again.',
        field: '(request)',
        message: 'Request not received in time',
        sv: 'Begäran kom inte fram i tid',
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        title: 'Ogiltig begäran',
        detail: 'The request is not valid HTTP/1.1.',
        field: '(request)',
        message: 'Malformed HTTP request',
        sv: 'Begäran följer inte HTTP',
      };
  }
}

/**
 * The raw HTTP/1.1 answer to a request Node's parser refused (over-long request line or headers,
 * malformed HTTP, timeout): problem+json with a Swedish title and an English detail, where Node
 * alone sends a bare status line.
 */
export function clientErrorResponse(code: string | undefined): string {
  const p = problemFor(code);
  const body = JSON.stringify({
    type: 'about:blank',
    title: p.title,
    status: p.status,
    detail: p.detail,
    errors: [{ field: p.field, message: p.message, sv: p.sv }],
  });
  return [
    `HTTP/1.1 ${p.status} ${p.reason}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Node's `clientError` event: answer with problem+json unless the connection is gone or a response
 * is already under way on it (writing then would corrupt what the client reads), then close.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code));
  // A client that keeps the connection open after the answer is closed shortly after.
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** Options for `listenLocal`. */
export interface ListenOptions {
  /** Port, 0 for any free one. */
  readonly port: number;
  /** @default '127.0.0.1' */
  readonly hostname?: string;
}

/** A listening local server. */
export interface LocalListener {
  readonly server: ServerType;
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serve `app` with Node's HTTP server as `npm start` does, answering requests Node refuses before
 * they reach the app (see `answerClientError`) with problem+json. Rejects with the listen error
 * (e.g. `EADDRINUSE`).
 *
 * @example
 * const { port, close } = await listenLocal(createLocalApp(deps), { port: 0 });
 */
export function listenLocal(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: ListenOptions,
): Promise<LocalListener> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: options.port,
      hostname: options.hostname ?? '127.0.0.1',
      serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
    });
    server.on('clientError', answerClientError);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
