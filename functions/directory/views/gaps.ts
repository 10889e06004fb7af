import type { CountyConfig } from '../../core/config/schema.js';
import { TARGET_GROUPS } from '../../core/domain/vocabulary.js';
import type { Service } from '../model/service.js';

/** A municipality with no active service for a target group. */
export interface CoverageGap {
  readonly municipality: string;
  readonly municipalityName: string;
  readonly targetGroup: string;
}

/**
 * Municipalities with no active service for a target group (a service without municipalities serves
 * the whole area). With `only`, just that target group.
 */
export function coverageGaps(services: readonly Service[], config: CountyConfig, only?: string): CoverageGap[] {
  const active = services.filter((s) => s.status === 'active');
  const groups = TARGET_GROUPS.map((g) => g.id).filter((g) => !only || g === only);
  return config.municipalities.flatMap((m) =>
    groups
      .filter(
        (g) => !active.some((s) => s.targetGroups.includes(g) && (s.municipalities.length === 0 || s.municipalities.includes(m.code))),
      )
      .map((g) => ({ municipality: m.code, municipalityName: m.name, targetGroup: g })),
  );
}
