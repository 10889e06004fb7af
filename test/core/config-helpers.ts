import { ConfigError, parseConfig, type ConfigProblem } from '../../functions/core/config/load.js';

/** Parse `source` as if it were `file` (default config/jamtland.yaml) and return its problems. */
export function problemsOf(source: string, file = 'config/jamtland.yaml'): ConfigProblem[] {
  try {
    parseConfig(source, file);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

/** The 1-based line of the first line of `source` containing `needle`. */
export function lineOf(source: string, needle: string): number {
  return source.split('\n').findIndex((l) => l.includes(needle)) + 1;
}
