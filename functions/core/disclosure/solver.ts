import type { Highs } from 'highs';

// The solver is WebAssembly of about 2 MB: loaded on first use only (release step, tests, bench),
// never by a module that merely imports the disclosure contract or helpers.
let loading: Promise<Highs> | undefined;

/**
 * The shared HiGHS instance, loaded lazily with a dynamic `import()` and cached.
 *
 * @example
 * const highs = await loadSolver();
 * const model = highs.createModel();
 * model.dispose();
 */
export function loadSolver(): Promise<Highs> {
  // The package ships ESM (`highs.mjs`, default export = the loader) but CommonJS-style types.
  loading ??= import('highs')
    .then((mod) => (mod as unknown as { default: () => Promise<Highs> }).default())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
