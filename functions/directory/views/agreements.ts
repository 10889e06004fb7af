import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig, IndicatorDefinition } from '../../core/config/schema.js';
import { indicatorDefinitions } from '../../core/config/definitions.js';
import { badRequest, type FieldError } from '../../core/http/problem.js';
import { assertOthersKept } from '../data/editing.js';
import type { Collection } from '../model/collection.js';
import type { Agreement, AgreementInput } from '../model/group.js';

/** The indicators the area's indicator store defines (config and core domain): id → how often it is reported. */
export function indicatorIds(config: CountyConfig): Map<string, IndicatorDefinition['frequency']> {
  return new Map(indicatorDefinitions(config).map((d) => [d.id, d.frequency]));
}

const FREQUENCY_SV: Record<IndicatorDefinition['frequency'], string> = { year: 'år', quarter: 'kvartal', month: 'månad' };

/** The form of a period of each frequency, for a goal's baseline. */
const PERIOD_FORMS: Record<IndicatorDefinition['frequency'], { pattern: RegExp; example: string }> = {
  year: { pattern: /^\d{4}$/, example: '2015' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '2015-Q1' },
  month: { pattern: /^\d{4}-\d{2}$/, example: '2015-03' },
};

/** The checks of an agreement against the area: known parties and owner, roles only of parties, known indicators. */
export function checkAgreementInput(
  input: AgreementInput,
  known: ReadonlySet<string>,
  indicators: ReadonlyMap<string, IndicatorDefinition['frequency']>,
): void {
  const errors: FieldError[] = [];
  const unknown = (field: string, value: string) =>
    errors.push({ field, message: `Unknown in this area: ${value}`, sv: `Finns inte i området: ${value}` });
  input.parties.forEach((p, i) => known.has(p) || unknown(`parties.${i}`, p));
  if (input.owner !== undefined && !known.has(input.owner)) unknown('owner', input.owner);
  input.partyRoles.forEach((r, i) => {
    if (!input.parties.includes(r.organization))
      errors.push({
        field: `partyRoles.${i}.organization`,
        message: `Not a party of the agreement: ${r.organization}`,
        sv: `Är inte part i överenskommelsen: ${r.organization}`,
      });
  });
  input.goals.forEach((goal, i) =>
    goal.indicators.forEach((id, j) => {
      const frequency = indicators.get(id);
      if (frequency === undefined)
        errors.push({
          field: `goals.${i}.indicators.${j}`,
          message: `No such indicator in the indicator store: ${id}`,
          sv: `Indikatorn finns inte i indikatorbanken: ${id}`,
        });
      // the baseline is a released period of each indicator the goal follows, so of its frequency
      else if (goal.baseline !== undefined && !PERIOD_FORMS[frequency].pattern.test(goal.baseline))
        errors.push({
          field: `goals.${i}.baseline`,
          message: `${id} is released per ${frequency}: write the baseline like ${PERIOD_FORMS[frequency].example}`,
          sv: `${id} publiceras per ${FREQUENCY_SV[frequency]}: skriv utgångsperioden som ${PERIOD_FORMS[frequency].example}`,
        });
    }),
  );
  if (errors.length) throw badRequest(errors);
}

/** The groups an agreement names as its owners exist. */
export function checkAgreementGroups(agreement: Agreement, collection: Collection): void {
  const known = new Set(collection.groups.map((g) => g.id));
  const errors: FieldError[] = (agreement.groups ?? []).flatMap((id, i) =>
    known.has(id) ? [] : [{ field: `groups.${i}`, message: `No such group: ${id}`, sv: `Gruppen finns inte: ${id}` }],
  );
  if (errors.length) throw badRequest(errors);
}

/**
 * Status changes are kept: a new version of an agreement holds every change the stored one had, with
 * the same dates, and adds new ones only after them.
 */
export function checkLifecycleKept(updated: Agreement, collection: Collection): void {
  const stored = collection.agreements.find((a) => a.id === updated.id);
  const before = stored?.lifecycle ?? [];
  const lost = before.findIndex((step, i) => updated.lifecycle[i]?.status !== step.status || updated.lifecycle[i]?.date !== step.date);
  if (lost >= 0)
    throw badRequest([
      {
        field: `lifecycle.${lost}`,
        message: `Earlier status changes are kept: expected ${before[lost]?.status} on ${before[lost]?.date}`,
        sv: `Tidigare statusändringar ska finnas kvar: ${before[lost]?.status} den ${before[lost]?.date} saknas`,
      },
    ]);
}

/** An editor changes only its own organisation's part in an agreement and its role (an admin any). */
export function guardParties(staff: Staff, before: Agreement, after: Agreement): void {
  assertOthersKept(staff, 'parties', (p) => p, before.parties, after.parties);
  assertOthersKept(staff, 'partyRoles', (r) => r.organization, before.partyRoles, after.partyRoles);
}
