import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { indicatorDefinitions } from '../../core/config/definitions.js';
import { badRequest, type FieldError } from '../../core/http/problem.js';
import { assertOthersKept } from '../data/editing.js';
import type { Collection } from '../model/collection.js';
import type { Agreement, AgreementInput } from '../model/group.js';

/** The ids of the indicators the area's indicator store defines (config and core domain). */
export function indicatorIds(config: CountyConfig): Set<string> {
  return new Set(indicatorDefinitions(config).map((d) => d.id));
}

/** The checks of an agreement against the area: known parties and owner, roles only of parties, known indicators. */
export function checkAgreementInput(input: AgreementInput, known: ReadonlySet<string>, indicators: ReadonlySet<string>): void {
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
      if (!indicators.has(id))
        errors.push({
          field: `goals.${i}.indicators.${j}`,
          message: `No such indicator in the indicator store: ${id}`,
          sv: `Indikatorn finns inte i indikatorbanken: ${id}`,
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
