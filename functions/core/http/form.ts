/** A URL-encoded form body read strictly: the fields, and the names of those that were not UTF-8. */
export interface FormFields {
  readonly params: URLSearchParams;
  /** Fields whose bytes were not valid UTF-8; their value holds U+FFFD where bytes could not be read. */
  readonly invalid: readonly string[];
  /** Whether some field's name was not UTF-8 (such a field is left out of `params`). */
  readonly badName: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const hex = (b: number | undefined) =>
  b === undefined ? -1 : b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1;

/** `+` as space, then `%XX` as the byte it names (the application/x-www-form-urlencoded rules). */
function percentDecode(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const hi = b === 0x25 ? hex(bytes[i + 1]) : -1;
    const lo = b === 0x25 ? hex(bytes[i + 2]) : -1;
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else out[n++] = b === 0x2b ? 0x20 : b;
  }
  return out.subarray(0, n);
}

/** Decode one name or value; `ok` is false when it was not UTF-8. */
function decode(bytes: Uint8Array): { text: string; ok: boolean } {
  const raw = percentDecode(bytes);
  try {
    return { text: strict.decode(raw), ok: true };
  } catch {
    return { text: lenient.decode(raw), ok: false };
  }
}

/**
 * Parse URL-encoded bytes field by field. Unlike `URLSearchParams`, which silently turns bytes
 * that are not UTF-8 (raw or percent-encoded) into U+FFFD, this tells which fields held them, so
 * the form can say so instead of storing replacement characters.
 *
 * @example
 * parseFormBytes(new TextEncoder().encode('text=%FF')).invalid; // ['text']
 */
export function parseFormBytes(body: Uint8Array): FormFields {
  const params = new URLSearchParams();
  const invalid = new Set<string>();
  let badName = false;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x26) continue;
    const part = body.subarray(start, i);
    start = i + 1;
    if (part.length === 0) continue;
    const eq = part.indexOf(0x3d);
    const name = decode(eq < 0 ? part : part.subarray(0, eq));
    const value = decode(eq < 0 ? new Uint8Array() : part.subarray(eq + 1));
    // a name that is not UTF-8 is no field of the form: left out
    if (!name.ok) {
      badName = true;
      continue;
    }
    if (!value.ok) invalid.add(name.text);
    params.append(name.text, value.text);
  }
  return { params, invalid: [...invalid], badName };
}
