import { S3_LATENCY_MS, type CallCounts } from '../test/support/counting-store.js';
import { measureScenario, STORAGE_SCENARIOS, type RouteCost, type StorageScenario } from '../test/support/storage-cost.js';
import { ms } from './stats.js';

const calls = (c: CallCounts) =>
  (['get', 'put', 'list', 'delete'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${k.toUpperCase()}`)
    .join(' + ') || '0';

/** Every service at one county's size and ten times that. */
const SERVICES: ReadonlyArray<[string, (size: number) => Promise<StorageScenario>, number]> = [
  ['calendar', STORAGE_SCENARIOS.calendar, 300],
  ['feedback', STORAGE_SCENARIOS.feedback, 3000],
  ['directory', STORAGE_SCENARIOS.directory, 500],
  ['indicators', STORAGE_SCENARIOS.indicators, 4],
];

/**
 * `npm run bench -- storage`: for each service's public routes and writes, the store calls cold
 * (a fresh function instance) and warm (the same instance past its cache windows) by type, at one
 * county's data and ten times that, side by side; and the estimated time on S3 at the larger size
 * with a fixed latency per call (15 ms a GET or PUT, 30 ms a LIST).
 */
export async function run(): Promise<void> {
  console.log(`latency per call in the estimate: ${JSON.stringify(S3_LATENCY_MS)} ms`);
  for (const [service, make, size] of SERVICES) {
    const small = await make(size);
    const large = await make(size * 10);
    const [a, b] = [await measureScenario(small), await measureScenario(large, { latency: true })];
    console.log(`\n${service}: ${small.size} | ${large.size}`);
    console.log(
      `${'route'.padEnd(58)} ${'cold'.padEnd(16)} ${'warm'.padEnd(16)} | ${'cold'.padEnd(16)} ${'warm'.padEnd(16)} | est. on S3 cold / warm`,
    );
    b.forEach((big: RouteCost, i) => {
      const one = a[i];
      if (!one) return;
      const est = big.coldMs === undefined ? '' : `${ms(big.coldMs)} / ${ms(big.warmMs ?? 0)}`;
      console.log(
        `${(big.write ? `${big.route} [write]` : big.route).padEnd(58)} ${calls(one.cold).padEnd(16)} ${calls(one.warm).padEnd(16)} | ${calls(big.cold).padEnd(16)} ${calls(big.warm).padEnd(16)} | ${est}`,
      );
    });
  }
}
