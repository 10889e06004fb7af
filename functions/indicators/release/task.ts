import type { ScheduledTask } from '../../core/lambda.js';

/** The scheduled release step (EventBridge on AWS, the local schedule in `npm start`), loaded only when it runs. */
export const indicatorReleaseTask: ScheduledTask = async (deps) => {
  const [{ scheduledReleases }, { indicatorDefinitions }, { dimensionCategories }] = await Promise.all([
    import('./scheduled.js'),
    import('../../core/config/definitions.js'),
    import('../model/cells.js'),
  ]);
  return scheduledReleases(deps, { definitions: indicatorDefinitions(deps.config), categories: dimensionCategories(deps.config) });
};
