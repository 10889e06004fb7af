import * as z from 'zod';
import { countyConfigShape } from './schema.js';

/**
 * The JSON Schema of a county config file, generated from the zod schema (the single source of
 * truth) for editor completion. `config/county.schema.json` must equal this; a test checks it.
 */
export function countyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(countyConfigShape, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://county-kit.local/county.schema.json',
    title: 'County kit area configuration',
    description: 'One file per area (config/<id>.yaml). Every key is described in docs/konfiguration.md.',
  };
}

/** The file text of `config/county.schema.json`. */
export function countyJsonSchemaText(): string {
  return `${JSON.stringify(countyJsonSchema(), null, 2)}\n`;
}
