import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfigFile } from '../functions/core/config/load.js';

/**
 * `npm run check-config [file…]`: validate config files (default: every config/*.yaml) and print
 * each problem with file, line, key and a plain message in Swedish and English.
 */
const files = process.argv.slice(2);
const targets =
  files.length > 0
    ? files
    : readdirSync('config')
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join('config', f));
let failed = 0;
for (const file of targets) {
  try {
    const config = loadConfigFile(file);
    console.log(`OK  ${file} (${config.name}, ${config.municipalities.length} kommuner / municipalities)`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    failed++;
    console.error(`FEL / ERROR  ${file}: ${error.problems.length} problem`);
    console.error(error.message);
  }
}
if (failed > 0) {
  console.error(`\n${failed} av ${targets.length} filer har fel. / ${failed} of ${targets.length} files have errors.`);
  process.exit(1);
}
