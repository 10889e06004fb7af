import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { bodyEtag } from '../../core/http/cache.js';
import { assertIfMatch } from '../../core/http/preconditions.js';
import { badRequest, notFound, ProblemError, type FieldError } from '../../core/http/problem.js';
import { toStockholmIso } from '../../core/i18n.js';
import type { DirectoryContext } from '../context.js';
import type { Collection, EntryKind } from '../model/collection.js';
import type { Stamp } from '../model/service.js';
import type { HistoryEntry } from './repository.js';

/** The fields every stored entry has. */
export interface Entry {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
  readonly status: string;
}

/** The ETag of one entry (its own version inside the collection). */
export function entryEtag(entry: unknown): string {
  return bodyEtag(JSON.stringify(entry));
}

/** 403 unless `staff` may edit an entry belonging to `orgs` (an admin always; an editor for its own organisation). */
export function assertMayEdit(staff: Staff, orgs: readonly string[]): void {
  if (!orgs.some((org) => canEditOrg(staff, org))) {
    throw new ProblemError({
      status: 403,
      title: 'Behörighet saknas för organisationen',
      detail: `Your token does not allow changes for ${orgs.length ? orgs.join(', ') : 'entries without an organisation'}.`,
      errors: [{ field: 'organization', message: 'Not your organisation' }],
    });
  }
}

/**
 * 403 unless an editor leaves the other organisations of a list as they were: an editor adds,
 * removes or changes only its own organisation's membership (or party) and role; an admin anything.
 * `field` names the list in the problem.
 */
export function assertOthersKept<V>(
  staff: Staff,
  field: string,
  orgOf: (value: V) => string,
  before: readonly V[],
  after: readonly V[],
): void {
  if (staff.roles.includes('admin')) return;
  const others = (list: readonly V[]) =>
    list
      .filter((v) => !canEditOrg(staff, orgOf(v)))
      .map((v) => JSON.stringify(v))
      .sort();
  if (JSON.stringify(others(before)) === JSON.stringify(others(after))) return;
  throw new ProblemError({
    status: 403,
    title: 'Behörighet saknas för organisationen',
    detail: `An editor changes only its own organisation in ${field}; the other organisations stay as stored.`,
    errors: [{ field, message: 'Changes another organisation', sv: 'Ändrar en annan organisations uppgifter' }],
  });
}

/** 400 for organisation ids that are not of this area. */
export function assertKnown(values: readonly string[], known: ReadonlySet<string>, field: string): void {
  const errors: FieldError[] = values.flatMap((v, i) =>
    known.has(v) ? [] : [{ field: `${field}.${i}`, message: `Unknown in this area: ${v}`, sv: `Finns inte i området: ${v}` }],
  );
  if (errors.length) throw badRequest(errors);
}

/** Who and when, for a write by `staff` now. */
export function stampOf(ctx: DirectoryContext, staff: Staff): Stamp {
  return { at: toStockholmIso(ctx.deps.clock.now()), by: staff.sub };
}

function listOf<T extends Entry>(collection: Collection, kind: EntryKind): readonly T[] {
  return collection[kind] as unknown as readonly T[];
}

/**
 * Replace one entry of the collection after checking its version (`If-Match`) and the editor's
 * organisations, recording the change in the history in the same step. Nothing is written when a check fails.
 * A stale `If-Match` is answered 412 with the entry as `present` shapes it for this caller (as a GET
 * by them would), or without the entry when no `present` is given: staff data never rides on a 412.
 */
/** Thrown inside a change to say it would store nothing new: the caller answers without writing. */
export class NothingChanged extends Error {
  constructor() {
    super('Nothing changed');
    this.name = 'NothingChanged';
  }
}

export async function changeEntry<T extends Entry>(
  ctx: DirectoryContext,
  kind: EntryKind,
  id: string,
  ifMatch: string,
  staff: Staff,
  orgsOf: (entry: T) => readonly string[],
  next: (current: T) => T,
  action: HistoryEntry['action'],
  checkWith?: (entry: T, collection: Collection) => void,
  present?: (entry: T) => unknown,
): Promise<T> {
  const written = await ctx.repo.commit(stampOf(ctx, staff), (collection) => {
    const list = listOf<T>(collection, kind);
    const current = list.find((e) => e.id === id);
    if (!current) throw notFound(`No ${kind} entry ${id}.`);
    const etag = entryEtag(current);
    assertIfMatch(ifMatch, etag, present ? { current: present(current) } : {});
    assertMayEdit(staff, orgsOf(current));
    const updated = next(current);
    assertMayEdit(staff, orgsOf(updated));
    checkWith?.(updated, collection);
    return {
      collection: { ...collection, [kind]: list.map((e) => (e.id === id ? updated : e)) },
      changes: [{ action, kind, entry: updated }],
    };
  });
  return listOf<T>(written.collection, kind).find((e) => e.id === id) as T;
}

/** Add new entries (create-only ids) and record them in the history; returns them as stored. */
export async function addEntries<T extends Entry>(
  ctx: DirectoryContext,
  kind: EntryKind,
  entries: readonly T[],
  staff: Staff,
  checkWith?: (entry: T, collection: Collection) => void,
): Promise<T[]> {
  const written = await ctx.repo.commit(stampOf(ctx, staff), (collection) => {
    const list = listOf<T>(collection, kind);
    const taken = new Set(list.map((e) => e.id));
    if (entries.some((e) => taken.has(e.id)))
      throw new ProblemError({ status: 409, title: 'Posten finns redan', detail: 'An entry with that id exists.' });
    for (const entry of entries) checkWith?.(entry, collection);
    return {
      collection: { ...collection, [kind]: [...list, ...entries] },
      changes: entries.map((entry) => ({ action: 'create' as const, kind, entry })),
    };
  });
  const ids = new Set(entries.map((e) => e.id));
  return listOf<T>(written.collection, kind).filter((e) => ids.has(e.id));
}
