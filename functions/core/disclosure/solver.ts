import type { Highs, InitOptions } from 'highs';

// The solver is WebAssembly of about 2 MB: loaded on first use only (release step, tests, bench),
// never by a module that merely imports the disclosure contract or helpers.
let loading: Promise<Highs> | undefined;
let init: InitOptions = {};

/**
 * Where the solver's WebAssembly is, for a bundle in which `highs.wasm` does not sit next to the
 * loader (e.g. a Lambda bundle that copies it elsewhere). Call it at the edge, before the first
 * `protect` or `audit`; a later call reloads the solver on next use. Use `locateFile`: this build
 * of `highs` ignores `wasmBinary`.
 *
 * @example
 * configureSolver({ locateFile: (file) => `/var/task/${file}` });
 */
export function configureSolver(options: InitOptions): void {
  init = options;
  loading = undefined;
}

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
    .then((mod) => {
      // Called unbound: as a method of the module namespace the loader would see it as `this`.
      const loader = (mod as unknown as { default: (options: InitOptions) => Promise<Highs> }).default;
      return loader(init);
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
