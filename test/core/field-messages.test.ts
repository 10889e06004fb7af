import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { bilingualFieldErrors, fieldErrors } from '../../functions/core/http/field-messages.js';
import { singleLine } from '../../functions/core/text/index.js';
import { agreementFromForm } from '../../functions/directory/staff/agreement-form.js';
import { serviceFromForm } from '../../functions/directory/staff/service-form.js';

const schema = z.strictObject({
  name: singleLine(10),
  count: z.int().min(1),
  share: z.number().max(100),
  kind: z.enum(['a', 'b']),
  date: z.iso.date(),
  url: z.url(),
  tags: z.array(z.string()).max(1),
});

describe('field errors of a schema-level failure', () => {
  const issues = schema.safeParse({
    name: 'x'.repeat(11),
    count: 0,
    share: 'many',
    kind: 'c',
    date: '1/2',
    url: 'nope',
    tags: ['1', '2'],
    extra: 1,
  }).error!.issues;

  it('carry a Swedish text beside the English one on every field in API answers', () => {
    const errors = bilingualFieldErrors(issues);
    expect(errors.map((e) => e.field).sort()).toEqual(['(body)', 'count', 'date', 'kind', 'name', 'share', 'tags', 'url']);
    for (const e of errors) {
      expect(e.message, e.field).toBeTruthy();
      expect(e.sv, e.field).toBeTruthy();
      expect(e.sv, e.field).not.toBe(e.message);
    }
    const sv = Object.fromEntries(errors.map((e) => [e.field, e.sv]));
    expect(sv).toEqual({
      name: 'Högst 10 tecken', // the text rule's own Swedish, kept
      count: 'Minst 1',
      share: 'Skriv ett tal',
      kind: 'Välj ett av "a", "b"',
      date: 'Skriv ett datum som ÅÅÅÅ-MM-DD',
      url: 'Skriv en länk som börjar med https://',
      tags: 'Högst 1 värden',
      '(body)': 'Okänt fält: extra',
    });
  });

  it('name a missing field as missing', () => {
    const missing = bilingualFieldErrors(z.strictObject({ date: z.iso.date() }).safeParse({}).error!.issues);
    expect(missing).toEqual([{ field: 'date', message: expect.any(String), sv: 'Fältet saknas' }]);
  });

  it('keep Swedish only where a check gives its own for staff forms, so their specific texts win', () => {
    const plain = fieldErrors(issues);
    expect(plain.filter((e) => e.sv).map((e) => e.field)).toEqual(['name']);
    const service = serviceFromForm(
      { fields: { name: 'Mottagningen', organizationId: 'region', principal: 'nobody' }, lists: {}, locations: [] },
      {},
      () => [],
    );
    expect('errors' in service && service.errors.find((e) => e.field === 'principal')).toMatchObject({ sv: 'Välj huvudman.' });
    const agreement = agreementFromForm(
      {
        fields: {
          title: 'Överenskommelse',
          'g0.text': 'Fler SIP',
          'g0.indicator': 'sip-established',
          'g0.target': 'många',
          'g0.direction': 'increase',
        },
        orgs: [],
      },
      {},
      [],
      () => undefined,
    );
    expect('errors' in agreement && agreement.errors.find((e) => e.field === 'g0.target')).toMatchObject({
      sv: expect.stringMatching(/^Skriv målvärdet som ett tal, till exempel 75 eller 2,5/),
    });
  });
});
