/** Where a person lands after signing in when no (usable) return path is given. */
export const DEFAULT_RETURN_PATH = '/personal';

const BASE = 'http://same-origin.invalid';

/**
 * The same-origin path a `tillbaka=` value names, or `/personal`. Anything that could leave the
 * site is refused: absolute URLs, protocol-relative `//host`, backslashes (which browsers read as
 * slashes), control characters (which URL parsers drop, turning `/\t/host` into `//host`) and
 * overly long values.
 *
 * @example
 * safeReturnPath('/personal/tyck-till?status=new'); // '/personal/tyck-till?status=new'
 * safeReturnPath('//evil.example');                 // '/personal'
 */
export function safeReturnPath(raw: string | undefined | null): string {
  if (!raw || raw.length > 512) return DEFAULT_RETURN_PATH;
  // eslint-disable-next-line no-control-regex
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f-\u009f\s]/.test(raw) || /^\/[/\\]/.test(raw)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== BASE) return DEFAULT_RETURN_PATH;
  const path = `${url.pathname}${url.search}`;
  return path.startsWith('//') ? DEFAULT_RETURN_PATH : path;
}
