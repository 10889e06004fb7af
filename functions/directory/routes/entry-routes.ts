import { Hono } from 'hono';
import * as z from 'zod';
import { bilingualFieldErrors, jsonBody } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { currentStaff, type KitEnv, optionalStaff, requireStaff } from '../../core/http/staff.js';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import type { DirectoryContext } from '../context.js';
import { requireIfMatch } from '../../core/http/preconditions.js';
import { addEntries, assertMayEdit, changeEntry, entryEtag, stampOf, type Entry } from '../data/editing.js';
import { ID_PATTERN } from '../data/ids.js';
import type { Collection, EntryKind } from '../model/collection.js';
import type { Stamp } from '../model/service.js';

/** How one kind of entry is validated, owned and built from what staff send. */
export interface EntryResource<I extends { verified: boolean }, T extends Entry> {
  readonly kind: EntryKind;
  /** The schema of what staff send, built on first use. */
  schema(): z.ZodType<I>;
  /** The organisations that own an entry (an editor of any of them may change it). */
  orgsOf(entry: I | T): readonly string[];
  /** Extra checks against the area (known organisations, municipality codes); throws 400. */
  check(input: I): void;
  /** The form of an entry for the public; `editor` is set when the reader may edit the entry. */
  present(entry: T, now: Date, editor: boolean): unknown;
  /** Checks against the rest of the collection at the moment of writing (e.g. a tree without cycles); throws 400. */
  checkWith?(entry: T, collection: Collection): void;
  /** Stored parts a replacement keeps although the input leaves them out (e.g. confidential addresses). */
  keep?(input: I, current: T): I;
  /**
   * The sub-resources of an entry (a group's meetings and contacts, a plan's items): a replacement
   * that leaves one out of its body keeps the stored one; one that sends it (even `[]`) replaces it.
   */
  readonly parts?: readonly (keyof I & keyof T & string)[];
  /** What this staff member may change beyond owning the entry (e.g. only its own items); throws 403. */
  guard?(staff: Staff, before: T, after: T): void;
}

/** An entry as `staff` (or the public, without staff) may read it: the same shape for a GET and a 412. */
export function presentFor<I extends { verified: boolean }, T extends Entry>(
  resource: EntryResource<I, T>,
  entry: T,
  now: Date,
  staff: Staff | undefined,
): { body: unknown; editor: boolean } {
  const editor = staff !== undefined && resource.orgsOf(entry).some((org) => canEditOrg(staff, org));
  return { body: resource.present(entry, now, editor), editor };
}

function build<I extends { verified: boolean }, T extends Entry>(input: I, id: string, stamp: Stamp, previous?: T): T {
  const { verified, ...fields } = input;
  const verifiedStamp = verified ? stamp : previous?.verified;
  return {
    ...fields,
    id,
    created: previous?.created ?? stamp,
    updated: stamp,
    ...(verifiedStamp ? { verified: verifiedStamp } : {}),
  } as unknown as T;
}

function validId(id: string, kind: EntryKind): string {
  if (!ID_PATTERN.test(id)) throw notFound(`No such ${kind} entry.`);
  return id;
}

/** The entry of `kind` with `id` in a collection, or 404. */
export function findEntry<T extends Entry>(collection: Collection, kind: EntryKind, id: string): T {
  const found = ID_PATTERN.test(id) ? (collection[kind] as unknown as readonly T[]).find((e) => e.id === id) : undefined;
  if (!found) throw notFound(`No such ${kind} entry.`);
  return found;
}

/** Create an entry from validated input (checks against the area, the editor's organisation); as stored. */
export async function createEntry<I extends { verified: boolean }, T extends Entry>(
  ctx: DirectoryContext,
  resource: EntryResource<I, T>,
  staff: Staff,
  input: I,
): Promise<T> {
  resource.check(input);
  assertMayEdit(staff, resource.orgsOf(input));
  const built = build<I, T>(input, (ctx.deps.ids ?? (() => crypto.randomUUID()))(), stampOf(ctx, staff));
  const [entry = built] = await addEntries(ctx, resource.kind, [built], staff, resource.checkWith);
  return entry;
}

/**
 * Replace the entry `id` whose stored version has the ETag `ifMatch` (else 412 with the stored one,
 * as this caller may read it). `sent` holds the top-level fields the request carried (default: all):
 * the resource's `parts` it leaves out are kept as stored.
 */
export async function replaceEntry<I extends { verified: boolean }, T extends Entry>(
  ctx: DirectoryContext,
  resource: EntryResource<I, T>,
  staff: Staff,
  id: string,
  ifMatch: string,
  input: I,
  sent?: ReadonlySet<string>,
): Promise<T> {
  const valid = validId(id, resource.kind);
  const next = (current: T) => {
    const kept = (resource.parts ?? []).filter((part) => sent !== undefined && !sent.has(part));
    const merged = { ...input, ...Object.fromEntries(kept.map((part) => [part, current[part]])) } as I;
    resource.check(merged);
    const built = build<I, T>(resource.keep ? resource.keep(merged, current) : merged, valid, stampOf(ctx, staff), current);
    resource.guard?.(staff, current, built);
    return built;
  };
  const now = ctx.deps.clock.now();
  const present = (entry: T) => presentFor(resource, entry, now, staff).body;
  return changeEntry<T>(ctx, resource.kind, valid, ifMatch, staff, resource.orgsOf, next, 'update', resource.checkWith, present);
}

/** Retire the entry `id` whose stored version has the ETag `ifMatch` (else 412). */
export async function retireEntry<I extends { verified: boolean }, T extends Entry>(
  ctx: DirectoryContext,
  resource: EntryResource<I, T>,
  staff: Staff,
  id: string,
  ifMatch: string,
): Promise<T> {
  const valid = validId(id, resource.kind);
  const retire = (current: T) => ({ ...current, status: 'retired', updated: stampOf(ctx, staff) }) as T;
  const now = ctx.deps.clock.now();
  const present = (entry: T) => presentFor(resource, entry, now, staff).body;
  return changeEntry<T>(ctx, resource.kind, valid, ifMatch, staff, resource.orgsOf, retire, 'retire', undefined, present);
}

/**
 * Read one, create, replace (`If-Match`), retire (`If-Match`) and list the history of one kind of entry.
 * Mount under the resource's path; the list route stays in the resource's own module.
 */
export function entryRoutes<I extends { verified: boolean }, T extends Entry>(ctx: DirectoryContext, resource: EntryResource<I, T>) {
  const { kind } = resource;
  const app = new Hono<KitEnv>();
  const staffOnly = requireStaff(ctx.deps.auth, 'admin', 'editor');

  app.get('/:id', async (c) => {
    const { collection } = await ctx.load();
    const entry = findEntry<T>(collection, kind, c.req.param('id'));
    // the organisation's own staff read what they may edit, so that GET then PUT loses nothing
    const staff = await optionalStaff(ctx.deps.auth, c);
    const { body, editor } = presentFor(resource, entry, ctx.deps.clock.now(), staff);
    return cachedResponse(c, JSON.stringify(body), { etag: entryEtag(entry), ...(editor ? { scope: 'private', maxAge: 0 } : {}) });
  });

  app.get('/:id/history', staffOnly, async (c) => {
    const { collection } = await ctx.load();
    const entry = findEntry<T>(collection, kind, c.req.param('id'));
    const changes = await ctx.repo.history(kind, entry.id, entry);
    return c.json({ id: entry.id, created: entry.created, changes }, 200, { 'Cache-Control': 'private, no-store' });
  });

  app.post('/', staffOnly, async (c) => {
    const entry = await createEntry(ctx, resource, currentStaff(c), await jsonBody(c, resource.schema()));
    return c.json(entry, 201, { ETag: entryEtag(entry), Location: `/api/directory/${kind}/${entry.id}` });
  });

  app.put('/:id', staffOnly, async (c) => {
    const ifMatch = requireIfMatch(c);
    const body = await jsonBody(c, z.unknown());
    const parsed = resource.schema().safeParse(body);
    if (!parsed.success) throw badRequest(bilingualFieldErrors(parsed.error.issues));
    const sent = new Set(body !== null && typeof body === 'object' ? Object.keys(body) : []);
    const entry = await replaceEntry(ctx, resource, currentStaff(c), c.req.param('id'), ifMatch, parsed.data, sent);
    return c.json(entry, 200, { ETag: entryEtag(entry) });
  });

  app.delete('/:id', staffOnly, async (c) => {
    const ifMatch = requireIfMatch(c);
    const entry = await retireEntry(ctx, resource, currentStaff(c), c.req.param('id'), ifMatch);
    return c.json(entry, 200, { ETag: entryEtag(entry) });
  });

  return app;
}
