import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Props of `ReleaseSchedule`. */
export interface ReleaseScheduleProps {
  /** The indicators function; it runs the release step when invoked by this rule. */
  readonly fn: IFunction;
  /**
   * How often the release step looks for periods that are due (it decides itself what is due).
   * @default Duration.hours(24)
   */
  readonly every?: Duration;
  /**
   * The task named in the event (the function recognises the scheduled event by its source).
   * The same rule serves any service's housekeeping, e.g. the feedback service's snapshots.
   * @default 'indicator-releases'
   */
  readonly task?: string;
  /** @default the indicator releases' description */
  readonly description?: string;
}

/**
 * The schedule of indicator releases: an EventBridge rule that invokes the indicators function
 * daily, so releases and scheduled revisions never run inside a user's request. Other services'
 * housekeeping uses the same rule with its own `task` and `every`.
 */
export class ReleaseSchedule extends Construct {
  /** The EventBridge rule. */
  public readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ReleaseScheduleProps) {
    super(scope, id);
    this.rule = new Rule(this, 'Rule', {
      description: props.description ?? 'Indicator releases and scheduled revisions (housekeeping, never in a user request).',
      schedule: Schedule.rate(props.every ?? Duration.hours(24)),
    });
    this.rule.addTarget(
      new LambdaFunction(props.fn, {
        event: RuleTargetInput.fromObject({ source: 'aws.events', task: props.task ?? 'indicator-releases' }),
        retryAttempts: 2,
      }),
    );
  }
}
