/**
 * Run `work` over `items` with at most `limit` at a time (S3 answers each request in tens of
 * milliseconds, so a little concurrency helps; an unbounded fan-out would not).
 *
 * @example
 * await inParallel(keys, 16, async (key) => void (await store.get(key)));
 */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
