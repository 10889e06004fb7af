import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ArchiveError, exportArea, importArea, type Manifest } from './archive.js';
import { areaStore } from './area-bucket.js';

function printManifest(manifest: Manifest): void {
  for (const [prefix, p] of Object.entries(manifest.prefixes))
    console.log(`  ${prefix.padEnd(12)} ${String(p.count).padStart(6)}  ${p.sha256}`);
}

/** `npm run export -- --area <id> [--local | --bucket <name>] <file>` and `npm run import -- …` (same options). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { area: { type: 'string' }, local: { type: 'boolean' }, bucket: { type: 'string' } },
  });
  const file = positionals[0];
  if ((command !== 'export' && command !== 'import') || !values.area || !file) {
    console.error('Användning / usage: npm run export|import -- --area <id> [--local | --bucket <name>] <fil/file>');
    return 2;
  }
  try {
    const store = await areaStore(values.area, values);
    if (command === 'export') {
      const { archive, manifest } = await exportArea(store, values.area);
      writeFileSync(file, archive, { flag: 'wx' });
      console.log(`Exporterat / exported ${file}:`);
      printManifest(manifest);
    } else {
      const manifest = await importArea(store, readFileSync(file));
      console.log(`Inläst / imported ${file}:`);
      printManifest(manifest);
    }
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
