import type { Staff } from '../../core/auth/auth.js';
import type { CountyConfig } from '../../core/config/schema.js';
import { badRequest, type FieldError } from '../../core/http/problem.js';
import { assertOthersKept } from '../data/editing.js';
import type { Collection } from '../model/collection.js';
import type { CollaborationGroup, GroupInput } from '../model/group.js';

/** A group as the public sees it: named contacts are staff data and never leave for the public. */
export function publicGroup<G extends Pick<CollaborationGroup, 'contacts'>>(group: G): Omit<G, 'contacts'> {
  const { contacts: _contacts, ...rest } = group;
  return rest;
}

/** Whether an e-mail address is at one of the work domains (`region.se`, `*.kommun.se`). */
export function emailInDomains(email: string, patterns: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return patterns.some((p) => (p.startsWith('*.') ? domain.endsWith(p.slice(1)) || domain === p.slice(2) : domain === p));
}

/**
 * The checks of a group against the area alone: known organisations, roles only of members, the
 * convener a known organisation, decisions' responsible organisations known, contacts at work domains.
 */
export function checkGroupInput(input: GroupInput, config: CountyConfig, known: ReadonlySet<string>): void {
  const errors: FieldError[] = [];
  const unknown = (field: string, value: string) =>
    errors.push({ field, message: `Unknown in this area: ${value}`, sv: `Finns inte i området: ${value}` });
  input.members.forEach((m, i) => known.has(m) || unknown(`members.${i}`, m));
  input.memberRoles.forEach((r, i) => {
    if (!input.members.includes(r.organization))
      errors.push({
        field: `memberRoles.${i}.organization`,
        message: `Not a member of the group: ${r.organization}`,
        sv: `Är inte medlem i gruppen: ${r.organization}`,
      });
  });
  if (input.convenes !== undefined && !known.has(input.convenes)) unknown('convenes', input.convenes);
  input.meetings.forEach((meeting, i) => {
    meeting.decisions.forEach((d, j) => known.has(d.responsible) || unknown(`meetings.${i}.decisions.${j}.responsible`, d.responsible));
    if (input.meetings.findIndex((other) => other.id === meeting.id) !== i)
      errors.push({ field: `meetings.${i}.id`, message: 'Two meetings have this id', sv: 'Två möten har samma id' });
  });
  const domains = config.directory.contactEmailDomains;
  input.contacts.forEach((contact, i) => {
    if (!emailInDomains(contact.email, domains))
      errors.push({
        field: `contacts.${i}.email`,
        message: domains.length
          ? `Not a work address (allowed: ${domains.join(', ')})`
          : 'No work e-mail domains are set in config (directory.contactEmailDomains)',
        sv: domains.length
          ? `Inte en arbetsadress (tillåtna: ${domains.join(', ')})`
          : 'Inga arbetsdomäner för e-post finns i konfigurationen (directory.contactEmailDomains)',
      });
  });
  if (errors.length) throw badRequest(errors);
}

/**
 * The group tree stays a tree: `reportsTo` names another existing group, never the group itself,
 * and following it upward never comes back to the group.
 */
export function checkGroupTree(collection: Collection, id: string, reportsTo: string | undefined): void {
  if (reportsTo === undefined) return;
  const refuse = (message: string, sv: string) => badRequest([{ field: 'reportsTo', message, sv }]);
  if (reportsTo === id) throw refuse('A group cannot report to itself', 'En grupp kan inte rapportera till sig själv');
  const parent = new Map(collection.groups.map((g) => [g.id, g.reportsTo]));
  if (!parent.has(reportsTo)) throw refuse(`No such group: ${reportsTo}`, `Gruppen finns inte: ${reportsTo}`);
  const seen = new Set<string>([id]);
  for (let at: string | undefined = reportsTo; at !== undefined; at = parent.get(at)) {
    if (seen.has(at)) throw refuse(`Reporting to ${reportsTo} would make a cycle`, `Att rapportera till ${reportsTo} skulle ge en cirkel`);
    seen.add(at);
  }
}

/** An editor changes only its own organisation's membership and role in a group (an admin any). */
export function guardMembers(staff: Staff, before: CollaborationGroup, after: CollaborationGroup): void {
  assertOthersKept(staff, 'members', (m) => m, before.members, after.members);
  assertOthersKept(staff, 'memberRoles', (r) => r.organization, before.memberRoles, after.memberRoles);
}
