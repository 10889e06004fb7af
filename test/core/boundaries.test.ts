import path from 'node:path';
import { describe, expect, test } from 'vitest';
// the ESLint rule's own decision function (plain JavaScript, beside eslint.config.js)
import { boundaryViolation } from '../../eslint-boundaries.js';

const at = (file: string) => path.join('/repo/functions', file);

describe('the layering rule of eslint.config.js', () => {
  test.each([
    ['calendar/routes/events.ts', '../../directory/data/repository.js', 'service'],
    ['directory/pages/report-page.tsx', '../../indicators/pages/format.js', 'service'],
    ['core/http/body.ts', '../../feedback/data/keys.js', 'core'],
    ['core/lambda.ts', '../local-server.js', 'core'],
    ['calendar/pages/routes.tsx', '../routes/year.js', 'pages'],
    ['calendar/model/view.ts', '../data/summary.js', 'model'],
  ])('%s importing %s breaks the %s rule', (file, source, rule) => {
    expect(boundaryViolation(at(file), source)).toBe(rule);
  });

  test.each([
    ['calendar/routes/events.ts', '../../core/http/body.js'],
    ['calendar/routes/year.ts', '../model/year.js'],
    ['calendar/pages/routes.tsx', './origin.js'],
    ['calendar/staff/routes.tsx', '../data/events.js'],
    ['directory/model/plan.ts', './group.js'],
    ['local.ts', './calendar/app.js'],
    ['core/http/body.ts', 'hono'],
  ])('%s may import %s', (file, source) => {
    expect(boundaryViolation(at(file), source)).toBeUndefined();
  });
});
