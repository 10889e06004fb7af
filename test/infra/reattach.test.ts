import { beforeAll, describe, expect, it } from 'vitest';
import { RETAINED, resourceMapping } from '../../scripts/reattach.js';
import { synthAreas } from './synth.js';

type Resources = Record<string, { Type: string; DeletionPolicy?: string }>;
let resources: Resources;
beforeAll(() => {
  resources = (
    synthAreas({ areas: ['jamtland'], nag: false })
      .templates.get('jamtland')!
      .toJSON() as { Resources: Resources }
  ).Resources;
}, 120_000);

describe('re-attaching what a destroyed area kept', () => {
  it('maps every resource the stack retains, under its pinned logical id and type', () => {
    const retained = Object.entries(resources)
      .filter(([, r]) => r.DeletionPolicy === 'Retain')
      .map(([id, r]) => [id, r.Type]);
    expect(retained.sort()).toEqual(
      Object.entries(RETAINED)
        .map(([id, r]) => [id, r.type])
        .sort(),
    );
  });

  it('writes the identifiers cdk import asks for', () => {
    expect(resourceMapping({ bucket: 'data-1', 'log-bucket': 'logs-1', 'user-pool': 'eu-north-1_AbC' })).toEqual({
      DataBucket: { BucketName: 'data-1' },
      AccessLogBucket: { BucketName: 'logs-1' },
      StaffUserPool: { UserPoolId: 'eu-north-1_AbC' },
    });
  });
});
