import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfigError } from '../../functions/core/config/load.js';
import { synthAreas } from './synth.js';

let dir: string;
let plain: Template;
let ses: Template;
const withStaffEmail = (from: string) =>
  readFileSync('config/jamtland.yaml', 'utf8').replace(
    'aws:\n  region: eu-north-1\n',
    `aws:\n  account: '111122223333'\n  region: eu-north-1\n  staffEmail:\n    from: ${from}\n    name: Region Jämtland Härjedalen\n`,
  );
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-staff-email-'));
  writeFileSync(join(dir, 'jamtland.yaml'), readFileSync('config/jamtland.yaml', 'utf8'));
  plain = synthAreas({ configDir: dir, nag: false }).templates.get('jamtland')!;
  writeFileSync(join(dir, 'jamtland.yaml'), withStaffEmail('noreply@regionjh.example'));
  ses = synthAreas({ configDir: dir }).templates.get('jamtland')!;
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('staff e-mail', () => {
  it('invites and verifies staff in Swedish and English', () => {
    plain.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({
        InviteMessageTemplate: Match.objectLike({ EmailSubject: 'Ditt konto för personal / Your staff account' }),
      }),
      VerificationMessageTemplate: Match.objectLike({ EmailSubjectByLink: Match.absent(), EmailSubject: 'Din kod / Your code' }),
    });
    const body = JSON.stringify(plain.findResources('AWS::Cognito::UserPool'));
    expect(body).toContain('Tillfälligt lösenord: {####}');
    expect(body).toContain('Temporary password: {####}');
  });

  it('uses Cognito’s own sender unless the config names an address', () => {
    plain.hasResourceProperties('AWS::Cognito::UserPool', { EmailConfiguration: Match.absent() });
  });

  it('sends through SES from the county’s own address when the config names one', () => {
    ses.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: Match.stringLikeRegexp('<noreply@regionjh.example>$'),
        SourceArn: 'arn:aws:ses:eu-north-1:111122223333:identity/noreply@regionjh.example',
      },
    });
    // A sender name with å, ä, ö goes out MIME-encoded, as e-mail headers require.
    const pool = Object.values(ses.findResources('AWS::Cognito::UserPool'))[0] as { Properties: { EmailConfiguration: { From: string } } };
    const encoded = /^=\?UTF-8\?B\?(.+)\?= </.exec(pool.Properties.EmailConfiguration.From)?.[1] ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('Region Jämtland Härjedalen');
  });

  it('refuses an address that is not one, naming the key in both languages', () => {
    writeFileSync(join(dir, 'jamtland.yaml'), withStaffEmail('not-an-address'));
    let error: unknown;
    try {
      synthAreas({ configDir: dir, nag: false });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({
        key: 'aws.staffEmail.from',
        sv: expect.stringContaining('e-postadress'),
        en: expect.stringContaining('e-mail'),
      }),
    ]);
  });
});
