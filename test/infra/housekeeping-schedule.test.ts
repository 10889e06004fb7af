import { beforeAll, describe, expect, it } from 'vitest';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthAreas({ areas: ['ostergotland'] });
}, 120_000);

describe('the calendar housekeeping schedule', () => {
  it('invokes the calendar function hourly from an EventBridge rule with a scheduled event it recognises', () => {
    const t = synth.templates.get('ostergotland')!;
    const rules = Object.values(t.findResources('AWS::Events::Rule')) as {
      Properties: { ScheduleExpression: string; Targets: { Arn: unknown; Input: string }[] };
    }[];
    const rule = rules.find((r) => r.Properties.Targets[0]!.Input.includes('calendar-housekeeping'))!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 hour)');
    expect(JSON.parse(rule.Properties.Targets[0]!.Input)).toMatchObject({ source: 'aws.events', task: 'calendar-housekeeping' });
    expect(JSON.stringify(rule.Properties.Targets[0]!.Arn)).toContain('Calendar');
    t.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com' });
  });
});
