import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthAreas();
}, 120_000);

describe('the indicator release schedule', () => {
  it('invokes the indicators function daily from an EventBridge rule, never from a user request', () => {
    const t = synth.templates.get('norrbotten')!;
    t.resourceCountIs('AWS::Events::Rule', 1);
    const rule = Object.values(t.findResources('AWS::Events::Rule'))[0] as {
      Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] };
    };
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(JSON.stringify(rule.Properties.Targets[0]?.Arn)).toContain('Indicators');
    t.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com' });
  });

  it('gives the indicators function time and memory for the solver, the others stay small', () => {
    const t = synth.templates.get('norrbotten')!;
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 60, MemorySize: 1024, Environment: Match.anyValue() });
    expect(Object.values(t.findResources('AWS::Lambda::Function', { Properties: { Timeout: 60 } }))).toHaveLength(1);
  });
});
