import { join } from 'node:path';

/** Where an area's local data lives (git-ignored). */
export const localDataDir = (area: string): string => join('.data', area);

/** The issuer name of an area's local tokens. */
export const localIssuerName = (area: string): string => `urn:county-kit:local:${area}`;
