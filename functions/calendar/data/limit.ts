/**
 * Run `task` over `items` with at most `limit` running at once. After the first failure no new
 * task starts; the ones under way are awaited, then the first error is thrown. Keeps a large
 * import within the open-file and connection limits of a Lambda container.
 *
 * @example
 * await forEachLimit(events, 8, (e) => putEvent(store, e));
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        await task(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/**
 * Map `items` through `task` with at most `limit` running at once, results in input order.
 *
 * @example
 * const bodies = await mapLimit(keys, 32, (k) => getJson(store, k));
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachLimit(items, limit, async (item, i) => {
    results[i] = await task(item, i);
  });
  return results;
}
