/** Which layering rule an import of `source` from `file` breaks, or `undefined` when it is allowed. */
export function boundaryViolation(file: string, source: string): 'service' | 'core' | 'pages' | 'model' | undefined;
/** The ESLint plugin with the rule `layers`. */
export const boundaries: { rules: Record<string, unknown> };
