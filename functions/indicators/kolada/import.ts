import type { CountyConfig } from '../../core/config/schema.js';
import { indicatorDefinitions } from '../../core/config/rules.js';
import type { FieldError } from '../../core/http/problem.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { Store } from '../../core/store/store.js';
import { parseKolada } from './parse.js';
import { storeNational } from './store.js';

/** What an import did: how many values, or every error by its place in the file (nothing stored). */
export type KoladaImportResult = { readonly stored: number; readonly retrievedAt: string } | { readonly errors: readonly FieldError[] };

/**
 * Import a Kolada-shaped file for an area (`npm run kolada`): check it whole against the area's
 * mapped indicators and municipalities, then store it in one write, apart from reported values.
 * `retrievedAt` (YYYY-MM-DD, default today in Stockholm) says when the figures were fetched.
 */
export async function importKolada(options: {
  readonly config: CountyConfig;
  readonly store: Store;
  readonly text: string;
  readonly now: Date;
  readonly retrievedAt?: string;
}): Promise<KoladaImportResult> {
  const today = toStockholmIso(options.now).slice(0, 10);
  const retrievedAt = options.retrievedAt ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(retrievedAt) || Number.isNaN(Date.parse(retrievedAt)) || retrievedAt > today)
    return {
      errors: [
        {
          field: '--retrieved',
          message: 'Expected the retrieval date as YYYY-MM-DD, not after today',
          sv: 'Ange hämtningsdagen som ÅÅÅÅ-MM-DD, inte senare än i dag',
        },
      ],
    };
  const parsed = parseKolada(options.text, options.config, indicatorDefinitions(options.config), Number(today.slice(0, 4)));
  if ('errors' in parsed) return parsed;
  if (parsed.values.length === 0)
    return { errors: [{ field: 'values', message: 'The file holds no values', sv: 'Filen innehåller inga värden' }] };
  await storeNational(options.store, parsed.values, retrievedAt);
  return { stored: parsed.values.length, retrievedAt };
}
