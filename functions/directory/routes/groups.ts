import { Hono } from 'hono';
import * as z from 'zod';
import { queryParams } from '../../core/http/body.js';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';
import type { CountyConfig } from '../../core/config/schema.js';
import type { DirectoryContext } from '../context.js';
import { pageOf } from '../../core/http/paging.js';
import { groupsCursor, listParams } from '../data/cursor.js';
import { knownOrgs } from '../data/orgs.js';
import { meetingsCalendar } from '../feed/meetings-ical.js';
import { groupInputSchema, type CollaborationGroup, type GroupInput } from '../model/group.js';
import { checkGroupInput, checkGroupTree, guardMembers, publicGroup } from '../views/groups.js';
import { isStale } from '../views/public-service.js';
import { resolveLang } from '../../core/i18n.js';
import { entryRoutes, findEntry, type EntryResource } from './entry-routes.js';

/** How groups are checked, owned (by their members) and shown; the API and the staff pages share it. */
export function groupResource(ctx: DirectoryContext): EntryResource<GroupInput, CollaborationGroup> {
  const known = knownOrgs(ctx.deps.config);
  return {
    kind: 'groups',
    schema: groupInputSchema,
    orgsOf: (g) => g.members,
    check: (input) => checkGroupInput(input, ctx.deps.config, known),
    checkWith: (group, collection) => checkGroupTree(collection, group.id, group.reportsTo),
    parts: ['members', 'memberRoles', 'contacts', 'meetings'],
    guard: guardMembers,
    // named contacts only for the group's own staff
    present: (g, now, editor) => ({ ...(editor ? g : publicGroup(g)), stale: isStale(g.verified?.at, now) }),
  };
}

/** The query of `GET /api/directory/groups`: a member municipality of the area, and paging. */
export function groupQuerySchema(config: CountyConfig) {
  const codes = config.municipalities.map((m) => m.code);
  return z.object({
    municipality: z
      .string()
      .refine((c) => codes.includes(c), 'Not a municipality of this area')
      .optional(),
    ...listParams(),
  });
}

/** `/api/directory/groups`: collaboration groups, by member municipality; staff edit them. */
export function groupsRoutes(ctx: DirectoryContext) {
  const app = new Hono<KitEnv>();
  const querySchema = groupQuerySchema(ctx.deps.config);

  app.get('/', async (c) => {
    const query = queryParams(c, querySchema);
    const offset = groupsCursor.decode(query.cursor) ?? 0;
    const { collection } = await ctx.load();
    const now = ctx.deps.clock.now();
    const groups = collection.groups
      .filter((g) => query.includeRetired === 'true' || g.status !== 'retired')
      // a group that includes the region serves every municipality only through its named members
      .filter((g) => !query.municipality || g.members.includes(query.municipality))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((g) => ({ ...publicGroup(g), stale: isStale(g.verified?.at, now) }));
    const page = pageOf(groups, offset, query.limit ?? 50, groupsCursor);
    return cachedResponse(c, JSON.stringify({ total: groups.length, ...page }));
  });

  // one VEVENT per meeting, its UID fixed by group and meeting id
  app.get('/:id/meetings.ics', async (c) => {
    const { collection } = await ctx.load();
    const group = findEntry<CollaborationGroup>(collection, 'groups', c.req.param('id'));
    const origin = (ctx.deps.publicOrigin ?? new URL(c.req.url).origin).replace(/\/$/, '');
    const body = meetingsCalendar(ctx.deps.config, group, { origin, lang: resolveLang(c) });
    return cachedResponse(c, body, { contentType: 'text/calendar; charset=utf-8' });
  });

  app.route('/', entryRoutes(ctx, groupResource(ctx)));
  return app;
}
