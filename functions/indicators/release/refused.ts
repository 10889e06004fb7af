import { ProblemError } from '../../core/http/problem.js';

/** Why a release cannot be made now. */
export type RefusalReason = 'no-indicators' | 'before-deadline' | 'nothing-reported' | 'nothing-changed' | 'concurrent';

/** The short Swedish title of each kind of refusal (the same for every occurrence). */
const TITLE: Record<RefusalReason, string> = {
  'no-indicators': 'Ingen indikator har sådana perioder',
  'before-deadline': 'Rapporteringstiden har inte gått ut',
  'nothing-reported': 'Inget är rapporterat för perioden',
  'nothing-changed': 'Inget har ändrats sedan förra publiceringen',
  concurrent: 'Publiceringen gjordes samtidigt av någon annan',
};

const TEXT: Record<RefusalReason, (period: string, extra?: string) => { sv: string; en: string; status: 400 | 409 }> = {
  'no-indicators': (p) => ({
    status: 400,
    sv: `Inga indikatorer rapporteras per period av formen ${p}.`,
    en: `No indicator is reported for periods like ${p}.`,
  }),
  'before-deadline': (p, date) => ({
    status: 409,
    sv: `Rapporteringstiden för ${p} har inte gått ut: perioden kan publiceras från och med ${date}.`,
    en: `The reporting deadline of ${p} has not passed: the period can be released from ${date}.`,
  }),
  'nothing-reported': (p) => ({
    status: 409,
    sv: `Ingen organisation har rapporterat något för ${p}; det finns inget att publicera.`,
    en: `No organisation has reported anything for ${p}; there is nothing to release.`,
  }),
  'nothing-changed': (p, revision) => ({
    status: 409,
    sv: `Inget har ändrats sedan publicering ${revision} av ${p}; en revidering behövs inte.`,
    en: `Nothing has changed since release ${revision} of ${p}; no revision is needed.`,
  }),
  concurrent: (p, revision) => ({
    status: 409,
    sv: `Publicering ${revision} av ${p} gjordes samtidigt av någon annan.`,
    en: `Release ${revision} of ${p} was made at the same time by someone else.`,
  }),
};

/** A release that cannot be made: a problem+json answer naming the period, in Swedish and English. */
export class ReleaseRefusedError extends ProblemError {
  constructor(
    readonly reason: RefusalReason,
    period: string,
    extra?: string,
  ) {
    const text = TEXT[reason](period, extra);
    super({
      status: text.status,
      title: TITLE[reason],
      detail: text.en,
      type: `urn:county-kit:indicators:release:${reason}`,
      errors: [{ field: 'period', message: text.en, sv: text.sv }],
    });
  }
}
