import { sumEquation, type DisclosureVariable } from '../../../functions/core/disclosure/index.js';

/** `total = Σ parts` as an equation. */
export const sum = sumEquation;

/** Variables from a record of values; counts 1–4 are sensitive. */
export const cells = (
  values: Record<string, number>,
  extra: Partial<Record<string, Partial<DisclosureVariable>>> = {},
): DisclosureVariable[] => Object.entries(values).map(([id, value]) => ({ id, value, sensitive: value >= 1 && value <= 4, ...extra[id] }));
