import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { Construct } from 'constructs';

/** Props of `CostBudget`. */
export interface CostBudgetProps {
  /** The area id; the budget counts costs tagged `cost-centre = county-kit-<area>`. */
  readonly areaId: string;
  /** Monthly amount in USD. */
  readonly monthlyUsd: number;
  /** Who is e-mailed. */
  readonly email: string;
  /**
   * Percentages of the amount at which to e-mail: actual costs, then the month's forecast.
   * @default [80, 100]
   */
  readonly thresholds?: readonly number[];
}

/**
 * An AWS Budgets cost budget for one area (its `cost-centre` tag) that e-mails when actual costs
 * pass each threshold and when the forecast passes the full amount. Budgets without actions cost
 * nothing. The tag must be activated as a cost allocation tag once per account (Billing console).
 */
export class CostBudget extends Construct {
  /** The budget. */
  public readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    const subscribers = [{ subscriptionType: 'EMAIL', address: props.email }];
    const notification = (threshold: number, notificationType: 'ACTUAL' | 'FORECASTED') => ({
      notification: { comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE', notificationType },
      subscribers,
    });
    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: `county-kit-${props.areaId}`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:cost-centre$county-kit-${props.areaId}`] },
      },
      notificationsWithSubscribers: [
        ...(props.thresholds ?? [80, 100]).map((t) => notification(t, 'ACTUAL')),
        notification(100, 'FORECASTED'),
      ],
    });
  }
}
