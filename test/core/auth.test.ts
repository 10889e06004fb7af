import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError, canEditOrg } from '../../functions/core/auth/auth.js';
import { createLocalIssuer, LOCAL_AUDIENCE } from '../../functions/core/auth/local-issuer.js';

describe('staff token verification', () => {
  it('accepts a token from the issuer and reads roles and organisation', async () => {
    const issuer = await createLocalIssuer();
    const staff = await issuer.auth.verify(await issuer.sign({ roles: ['editor'], org: '2380' }));
    expect(staff).toMatchObject({ roles: ['editor'], org: '2380' });
  });

  it('rejects an expired token', async () => {
    const issuer = await createLocalIssuer();
    const token = await issuer.sign({ roles: ['admin'], issuedAt: new Date(Date.now() - 10 * 3600_000), ttlSeconds: 3600 });
    await expect(issuer.auth.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('rejects a token signed by another key', async () => {
    const real = await createLocalIssuer();
    const forger = await createLocalIssuer({ issuer: real.issuer });
    await expect(real.auth.verify(await forger.sign({ roles: ['admin'] }))).rejects.toBeInstanceOf(AuthError);
  });

  it('rejects a token whose payload was changed after signing', async () => {
    const issuer = await createLocalIssuer();
    const [h, p, s] = (await issuer.sign({ roles: ['editor'], org: '2380' })).split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
    payload['cognito:groups'] = ['admin'];
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    await expect(issuer.auth.verify(tampered)).rejects.toBeInstanceOf(AuthError);
  });

  it('rejects an unsigned token (alg none) and an HMAC token', async () => {
    const issuer = await createLocalIssuer();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', iss: issuer.issuer, aud: LOCAL_AUDIENCE, 'cognito:groups': ['admin'] })).toString('base64url')}.`;
    await expect(issuer.auth.verify(none)).rejects.toBeInstanceOf(AuthError);
    const hs = await new SignJWT({ 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-guessable-secret-of-32-bytes!!'));
    await expect(issuer.auth.verify(hs)).rejects.toBeInstanceOf(AuthError);
  });

  it('rejects a token for another app client, signed by the right key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'k1' };
    const issuer = await createLocalIssuer({ privateJwk });
    const sign = (audience: string) =>
      new SignJWT({ 'cognito:groups': ['admin'], token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer.issuer)
        .setAudience(audience)
        .setSubject('x')
        .setExpirationTime('1h')
        .sign(privateKey);
    await expect(issuer.auth.verify(await sign(LOCAL_AUDIENCE))).resolves.toMatchObject({ roles: ['admin'] });
    await expect(issuer.auth.verify(await sign('some-other-client'))).rejects.toBeInstanceOf(AuthError);
  });

  it('ignores groups that are not kit roles', async () => {
    const issuer = await createLocalIssuer();
    const token = await issuer.sign({ roles: ['moderator'] });
    expect((await issuer.auth.verify(token)).roles).toEqual(['moderator']);
  });
});

describe('who may edit an organisation', () => {
  it('lets an editor change only its own organisation', () => {
    expect(canEditOrg({ sub: 'a', roles: ['editor'], org: '2380' }, '2380')).toBe(true);
    expect(canEditOrg({ sub: 'a', roles: ['editor'], org: '2380' }, '2303')).toBe(false);
  });

  it('lets an admin change any organisation and a moderator none', () => {
    expect(canEditOrg({ sub: 'a', roles: ['admin'] }, '2303')).toBe(true);
    expect(canEditOrg({ sub: 'a', roles: ['moderator'], org: '2303' }, '2303')).toBe(false);
  });
});
