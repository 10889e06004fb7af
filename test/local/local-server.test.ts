import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config/load.js';
import { createLocalApp } from '../../functions/local-server.js';
import { tempDir, testKit } from '../support/deps.js';

const tsx = join('node_modules', '.bin', 'tsx');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** GET / with a chosen Host header (fetch does not let a caller set Host). */
function hostRequest(port: number, host: string): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('all four services in one local app', () => {
  it('routes each service by its paths, as API Gateway does', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const app = createLocalApp(kit.deps);
    for (const service of ['directory', 'calendar', 'indicators', 'feedback']) {
      const res = await app.request(`/api/${service}/health`);
      expect(await res.json()).toMatchObject({ service });
    }
    for (const page of ['/hitta-stod', '/utbildningar', '/uppfoljning', '/tyck-till']) expect((await app.request(page)).status).toBe(200);
  });

  it('publishes the local issuer keys', async () => {
    const kit = await testKit({ area: 'jamtland' });
    const res = await createLocalApp(kit.deps, { jwks: kit.issuer.jwks }).request('/.well-known/jwks.json');
    expect(((await res.json()) as { keys: unknown[] }).keys[0]).not.toHaveProperty('d');
  });

  it('leaves out a service the config switches off', async () => {
    const source = readFileSync('config/jamtland.yaml', 'utf8').replace('  feedback: true', '  feedback: false');
    const kit = await testKit({ config: parseConfig(source, 'config/jamtland.yaml') });
    const app = createLocalApp(kit.deps);
    expect((await app.request('/api/feedback/health')).status).toBe(404);
    expect(await (await app.request('/')).text()).not.toContain('href="/tyck-till"');
  });
});

describe('the command line', () => {
  it('npm start serves the area at 127.0.0.1 and localhost alike, forms included, and stops cleanly', async () => {
    const port = await freePort();
    const { PUBLIC_ORIGIN: _origin, HOST: _host, ...env } = process.env;
    const child = spawn(tsx, ['functions/local.ts', 'jamtland'], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 20_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes(`http://localhost:${port}/`)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const origin = `http://127.0.0.1:${port}`;
      const html = await (await fetch(`${origin}/`)).text();
      expect(html).toContain('Jämtland Härjedalen');
      expect(html).toContain('Östersund');

      // A form posted from the page opened at 127.0.0.1 is this site's own, and what was typed stays.
      const form = await (await fetch(`${origin}/tyck-till`)).text();
      const token = /name="token" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const post = (from: string) =>
        fetch(`${origin}/tyck-till`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: from },
          body: new URLSearchParams({ token, action: 'edit', text: 'Bra bemötande på mottagningen' }),
        });
      const own = await post(origin);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('Bra bemötande på mottagningen');
      // Another site is still refused.
      expect((await post('http://elak.example')).status).toBe(403);
      // So is a name that only resolves here (DNS rebinding): the server answers loopback names only.
      const rebound = await hostRequest(port, `elak.example:${port}`);
      expect(rebound.status).toBe(421);
      expect(rebound.type).toContain('application/problem+json');
      expect((await hostRequest(port, `localhost:${port}`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('names the known areas when asked for an unknown one, without a stack trace', () => {
    const run = spawnSync(tsx, ['functions/local.ts', 'gotland'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Okänt område "gotland"');
    expect(run.stderr).toContain('jamtland, norrbotten, ostergotland, sjuharad, vasternorrland');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('check-config passes the shipped files', () => {
    const run = spawnSync(tsx, ['scripts/check-config.ts'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^OK /gm)).toHaveLength(5);
  });

  it('check-config names file, line and key of a broken copy', async () => {
    const dir = await tempDir('kit-config-');
    const file = join(dir, 'jamtland.yaml');
    copyFileSync('config/jamtland.yaml', file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('registrationDays: 90', 'registrationDays: 9000'));
    const run = spawnSync(tsx, ['scripts/check-config.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('registrationDays')) + 1;
    expect(run.stderr).toContain(`${file}:${line}:`);
    expect(run.stderr).toContain('retention.registrationDays');
    expect(run.stderr).toContain('sv: ');
    expect(run.stderr).toContain('en: ');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('check-config says what type a value should have and which municipality a code is', async () => {
    const dir = await tempDir('kit-config-');
    const original = readFileSync('config/ostergotland.yaml', 'utf8');
    const typed = join(dir, 'typed', 'ostergotland.yaml');
    const moved = join(dir, 'moved', 'ostergotland.yaml');
    mkdirSync(join(dir, 'typed'));
    mkdirSync(join(dir, 'moved'));
    writeFileSync(typed, original.replace("  - code: '0580'", '  - code: 0580'));
    writeFileSync(moved, original.replace(/code: '0509'\n(\s+)name: Ödeshög/, "code: '2380'\n$1name: Östersund"));
    const run = spawnSync(tsx, ['scripts/check-config.ts', typed, moved], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lineIn = (file: string, needle: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    expect(run.stderr).toContain(`${typed}:${lineIn(typed, 'code: 0580')}:11 municipalities[7].code`);
    expect(run.stderr).toContain('sv: Fel typ av värde: här ska stå text, men det står ett tal ("0580").');
    expect(run.stderr).toContain('en: Wrong kind of value: expected text, found a number ("0580").');
    expect(run.stderr).toContain(`${moved}:${lineIn(moved, "code: '2380'")}:11 municipalities[0].code`);
    expect(run.stderr).toContain('sv: Kommunkoden "2380" är Östersund i Jämtlands län, inte en kommun i Östergötlands län');
    expect(run.stderr).toContain('en: Municipality code "2380" is Östersund in Jämtlands län, not a municipality of Östergötlands län');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('npm run token prints a token the local server accepts', async () => {
    const run = spawnSync(tsx, ['scripts/token.ts', '--area', 'jamtland', '--role', 'editor', '--org', '2380'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ 'cognito:groups': ['editor'], 'custom:org': '2380', iss: 'urn:county-kit:local:jamtland' });
  });

  it('npm run token refuses an organisation outside the area', () => {
    const run = spawnSync(tsx, ['scripts/token.ts', '--area', 'jamtland', '--role', 'editor', '--org', '0580'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('finns inte i Jämtland Härjedalen');
  });

  it('npm run token answers an unknown option with usage and exit code 2, no stack trace', () => {
    for (const args of [['--bogus'], ['--role', 'editor', '-x'], ['--role']]) {
      const run = spawnSync(tsx, ['scripts/token.ts', ...args], { encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Okänt alternativ|behöver ett värde/);
      expect(run.stderr).toMatch(/Unknown option|needs a value/);
      expect(run.stderr).toContain('Användning / usage: npm run token -- ');
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      expect(run.stdout).toBe('');
    }
  });

  it('npm run token without -- says to put -- before the options', () => {
    const { npm_config_role: _role, ...env } = process.env;
    const run = spawnSync('npm', ['run', '--silent', 'token', '--role', 'editor', '--org', '2380'], { encoding: 'utf8', env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Skriv -- före alternativen');
    expect(run.stderr).toContain('Put -- before the options');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    const positional = spawnSync(tsx, ['scripts/token.ts', 'editor'], { encoding: 'utf8', env });
    expect(positional.status).toBe(2);
    expect(positional.stderr).toContain('npm run token -- --role editor');
  });
});
