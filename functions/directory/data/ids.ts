import { foldDiacritics } from '../search/normalize.js';

/** A readable URL id from a name: "Mini Maria Mjölby" → "mini-maria-mjolby". */
export function slugify(name: string): string {
  const slug = foldDiacritics(name.normalize('NFC').toLowerCase())
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `x-${slug || 'entry'}`;
}

/** `base`, or `base-2`, `base-3` … when taken; records the id as taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Ids are slugs or generated UUIDs: lower-case letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
