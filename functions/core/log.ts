/** Structured fields of a log line. Never put request bodies, free text or contact details here. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** Log levels, lowest first, with the names Lambda's JSON log format filters on. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  /**
   * Lines below this level are dropped; on Lambda the handler passes `AWS_LAMBDA_LOG_LEVEL`.
   * Unknown values count as INFO.
   * @default 'INFO'
   */
  readonly minLevel?: string;
}

// A last line of defence: a field value that looks like a personnummer, an e-mail address or an
// IP address is never written, whichever code put it there.
const PERSONAL = [
  /(?<![\w-])(?:19|20)?\d{6}[-+ ]?\d{4}(?![\w-])/, // personnummer or samordningsnummer (not a UUID's last part)
  /[^\s@]+@[^\s@]+\.[^\s@]+/, // e-mail address
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/, // IPv4
  /\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){3,7}\b/i, // IPv6 (three colons or more: never a time of day)
];

/** `value`, or `[redacted]` when it looks like personal data (see `PERSONAL`). */
export function redactValue(value: string | number | boolean | undefined): string | number | boolean | undefined {
  return typeof value === 'string' && PERSONAL.some((p) => p.test(value)) ? '[redacted]' : value;
}

const rank = (level: string | undefined): number => {
  const i = LOG_LEVELS.indexOf((level ?? 'INFO').toUpperCase() as LogLevel);
  return i < 0 ? 1 : i;
};

/**
 * Log one JSON object per line with `timestamp`, `level` (INFO, WARN, ERROR), `service` and
 * `message`, as Lambda's JSON log format and CloudWatch Logs Insights read them.
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
  const min = rank(options.minLevel);
  const emit =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields: LogFields = {}) => {
      const name = level.toUpperCase() as LogLevel;
      if (rank(name) < min) return;
      const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, redactValue(v)]));
      write(level, JSON.stringify({ timestamp: now().toISOString(), level: name, service: options.service, message, ...safe }));
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything (for tests that do not look at logs). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
