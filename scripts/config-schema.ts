import { writeFileSync } from 'node:fs';
import { countyJsonSchemaText } from '../functions/core/config/json-schema.js';

/** `npm run config-schema`: regenerate config/county.schema.json from the zod schema. */
writeFileSync('config/county.schema.json', countyJsonSchemaText());
console.log('config/county.schema.json uppdaterad / updated');
