import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The HSDS id of a directory entry: the entry's own id when it is a UUID, else a name-based
 * (version 5 style) UUID of area, kind and id, stable across exports.
 */
export function hsdsId(area: string, kind: string, id: string): string {
  if (UUID.test(id)) return id;
  const hex = createHash('sha1').update(`${area}:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
