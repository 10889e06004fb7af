import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthAreas, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthAreas({ areas: ['ostergotland'] });
}, 120_000);

interface RuleProps {
  Properties: { ScheduleExpression: string; Targets: { Arn: unknown; Input: string }[] };
}
const ruleFor = (task: string): RuleProps => {
  const rules = Object.values(synth.templates.get('ostergotland')!.findResources('AWS::Events::Rule')) as RuleProps[];
  const found = rules.filter((r) => JSON.parse(r.Properties.Targets[0]!.Input).task === task);
  expect(found, task).toHaveLength(1);
  return found[0]!;
};

describe('scheduled housekeeping, never inside a user request', () => {
  it('invokes the calendar function hourly with a scheduled event it recognises', () => {
    const rule = ruleFor('calendar-housekeeping');
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 hour)');
    expect(JSON.parse(rule.Properties.Targets[0]!.Input)).toMatchObject({ source: 'aws.events', task: 'calendar-housekeeping' });
    expect(JSON.stringify(rule.Properties.Targets[0]!.Arn)).toContain('Calendar');
  });

  it('invokes the indicators function daily for releases and scheduled revisions', () => {
    const rule = ruleFor('indicator-releases');
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(JSON.parse(rule.Properties.Targets[0]!.Input)).toMatchObject({ source: 'aws.events', task: 'indicator-releases' });
    expect(JSON.stringify(rule.Properties.Targets[0]!.Arn)).toContain('Indicators');
  });

  it('lets EventBridge invoke the functions it schedules', () => {
    synth.templates.get('ostergotland')!.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com' });
  });

  it('gives the indicators function time and memory for the solver, the others stay small', () => {
    const t = synth.templates.get('ostergotland')!;
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 60, MemorySize: 1024, Environment: Match.anyValue() });
    expect(Object.values(t.findResources('AWS::Lambda::Function', { Properties: { Timeout: 60 } }))).toHaveLength(1);
  });
});
