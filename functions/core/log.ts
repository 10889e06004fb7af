/** Structured fields of a log line. Never put request bodies, free text or contact details here. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** A JSON-lines logger. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Options for `createLogger`. */
export interface LoggerOptions {
  readonly service: string;
  /** Where lines go (default: stdout for info, stderr for warn and error). */
  readonly write?: (level: 'info' | 'warn' | 'error', line: string) => void;
  readonly now?: () => Date;
}

/**
 * Log one JSON object per line, as CloudWatch Logs Insights reads them.
 *
 * @example
 * const log = createLogger({ service: 'directory' });
 * log.info('seeded', { services: 12 });
 */
export function createLogger(options: LoggerOptions): Logger {
  const write =
    options.write ??
    ((level: string, line: string) => {
      (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
    });
  const now = options.now ?? (() => new Date());
  const emit =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields: LogFields = {}) =>
      write(level, JSON.stringify({ time: now().toISOString(), level, service: options.service, message, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything (for tests that do not look at logs). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
