import type { OpenApiPaths } from '../../core/http/openapi.js';

/** The paths of the feedback API, for its OpenAPI document. */
export const FEEDBACK_PATHS: OpenApiPaths = {
  '/api/feedback/health': { get: { summary: 'Health', responses: { '200': { description: 'The service answers.' } } } },
};
