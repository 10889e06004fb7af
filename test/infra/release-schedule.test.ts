import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;

interface RuleResource {
  Properties: { ScheduleExpression: string; Targets: { Arn: unknown; Input?: string }[] };
}
const rules = (t: Template) => Object.values(t.findResources('AWS::Events::Rule')) as RuleResource[];
beforeAll(() => {
  synth = synthAreas();
}, 120_000);

describe('the indicator release schedule', () => {
  it('invokes the indicators function daily from an EventBridge rule, never from a user request', () => {
    const t = synth.templates.get('norrbotten')!;
    // one rule for the releases, one for the feedback housekeeping
    t.resourceCountIs('AWS::Events::Rule', 2);
    const rule = rules(t).find((r) => JSON.stringify(r.Properties.Targets[0]?.Arn).includes('Indicators'))!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(JSON.stringify(rule.Properties.Targets[0]?.Arn)).toContain('Indicators');
    t.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com' });
  });

  it('invokes the feedback function every 15 minutes for its counts and summary snapshot', () => {
    const t = synth.templates.get('norrbotten')!;
    const rule = rules(t).find((r) => JSON.stringify(r.Properties.Targets[0]?.Arn).includes('Feedback'))!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(rule.Properties.Targets[0]?.Input).toContain('feedback-housekeeping');
  });

  it('gives the indicators function time and memory for the solver, the others stay small', () => {
    const t = synth.templates.get('norrbotten')!;
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 60, MemorySize: 1024, Environment: Match.anyValue() });
    expect(Object.values(t.findResources('AWS::Lambda::Function', { Properties: { Timeout: 60 } }))).toHaveLength(1);
  });
});
