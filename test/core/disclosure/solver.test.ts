import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit, configureSolver } from '../../../functions/core/disclosure/index.js';
import { fixtures } from './fixtures.js';

describe('loading the solver', () => {
  afterEach(() => configureSolver({}));

  it('finds the WebAssembly where a bundle put it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'disclosure-wasm-'));
    try {
      copyFileSync(createRequire(import.meta.url).resolve('highs/runtime'), join(dir, 'highs.wasm'));
      configureSolver({ locateFile: (file) => join(dir, file) });
      expect((await audit(fixtures.partner, ['K'])).violations.map((v) => v.id)).toEqual(['K']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when the WebAssembly cannot be found, and loads again on the next call', async () => {
    configureSolver({ locateFile: () => '/nonexistent/highs.wasm' });
    await expect(audit(fixtures.partner, ['K'])).rejects.toThrow();
    configureSolver({});
    expect((await audit(fixtures.partner, ['K'])).violations).toHaveLength(1);
  });
});
