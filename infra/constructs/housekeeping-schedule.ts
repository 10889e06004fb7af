import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Props of `HousekeepingSchedule`. */
export interface HousekeepingScheduleProps {
  /** The service function; it recognises the scheduled event and runs its housekeeping instead of a request. */
  readonly fn: IFunction;
  /** What the run is, in the event (`calendar-housekeeping`) and the rule's description. */
  readonly task: string;
  /**
   * How often it runs.
   * @default Duration.hours(1)
   */
  readonly every?: Duration;
}

/**
 * A service's housekeeping (purges, repairs, derived files) on an EventBridge rule: the rule
 * invokes the function with a scheduled event (`source: aws.events`), so the work never runs inside
 * a user's request and costs nothing between runs.
 */
export class HousekeepingSchedule extends Construct {
  /** The EventBridge rule. */
  public readonly rule: Rule;

  constructor(scope: Construct, id: string, props: HousekeepingScheduleProps) {
    super(scope, id);
    this.rule = new Rule(this, 'Rule', {
      description: `${props.task}: scheduled housekeeping, never in a user request.`,
      schedule: Schedule.rate(props.every ?? Duration.hours(1)),
    });
    this.rule.addTarget(
      new LambdaFunction(props.fn, {
        event: RuleTargetInput.fromObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', task: props.task }),
        retryAttempts: 2,
      }),
    );
  }
}
