import { Hono, type Context } from 'hono';
import { readFormFields } from '../../core/http/body.js';
import { notFound } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import type { DirectoryContext } from '../context.js';
import { entryEtag } from '../data/editing.js';
import { knownOrgs } from '../data/orgs.js';
import { newMeetingId, type CollaborationGroup } from '../model/group.js';
import { createEntry, findEntry, replaceEntry } from '../routes/entry-routes.js';
import { groupResource } from '../routes/groups.js';
import type { CollabFormValues } from './collab-form.js';
import { assertMayEditAny, COLLAB_NOTICES, redirectWith, refusal, unreadable } from './collab-kit.js';
import { COLLAB_PATH as PATH } from './collab-parts.js';
import {
  formFromGroup,
  formFromMeeting,
  GROUP_TEXTS,
  groupField,
  groupFormFromPost,
  groupFromForm,
  groupInputOf,
  groupWithMeeting,
  meetingFormFromPost,
} from './group-form.js';
import { GroupEditPage, MeetingEditPage } from './group-pages.js';
import type { FormFieldError } from './service-form.js';

/**
 * Groups in the staff section: create and edit a group, add and edit its meetings with decisions.
 * Every write goes through the API's `createEntry` / `replaceEntry` with the groups' resource, so a
 * member organisation's editor may change the group and nobody else (admin: every group).
 */
export function staffGroupRoutes(ctx: DirectoryContext): Hono<KitEnv> {
  const { deps } = ctx;
  const resource = groupResource(ctx);
  const orgs = [...knownOrgs(deps.config)];
  const app = new Hono<KitEnv>();
  const base = (c: Context<KitEnv>) => ({
    config: deps.config,
    lang: resolveLang(c),
    nonce: c.get('secureHeadersNonce'),
    staff: currentStaff(c),
  });
  const editable = async (c: Context<KitEnv>) => {
    const { collection } = await ctx.load();
    const group = findEntry<CollaborationGroup>(collection, 'groups', c.req.param('id') ?? '');
    assertMayEditAny(c, group.members, 'group');
    return { group, groups: collection.groups };
  };
  const groupPage = async (
    c: Context<KitEnv>,
    props: { group?: CollaborationGroup; values: CollabFormValues; errors?: FormFieldError[]; stored?: CollabFormValues; notice?: Text },
    status: 200 | 400 | 409 = 200,
  ) => {
    const { collection } = await ctx.load();
    return c.html(
      <GroupEditPage
        {...base(c)}
        {...props}
        errors={props.errors ?? []}
        etag={props.group ? entryEtag(props.group) : undefined}
        groups={collection.groups}
      />,
      status,
    );
  };

  app.get(`${PATH}/grupper/ny`, (c) => {
    const org = currentStaff(c).org;
    return groupPage(c, { values: { fields: {}, orgs: org ? [org] : [] } });
  });

  app.post(`${PATH}/grupper/ny`, async (c) => {
    assertFormBody(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = groupFormFromPost(params, orgs);
    if (invalid.length) return groupPage(c, { values, errors: [unreadable('name')] }, 400);
    const parsed = groupFromForm(values, {}, orgs, resource.check);
    if ('errors' in parsed) return groupPage(c, { values, errors: parsed.errors }, 400);
    try {
      await createEntry(ctx, resource, currentStaff(c), parsed.input);
    } catch (error) {
      return groupPage(c, { values, errors: refusal(error, groupField, GROUP_TEXTS) }, 400);
    }
    return redirectWith(c, '', 'group-created');
  });

  app.get(`${PATH}/grupper/:id`, async (c) => {
    const { group } = await editable(c);
    return groupPage(c, { group, values: formFromGroup(group), notice: COLLAB_NOTICES[c.req.query('meddelande') ?? ''] });
  });

  app.post(`${PATH}/grupper/:id`, async (c) => {
    assertFormBody(c);
    const { group } = await editable(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = groupFormFromPost(params, orgs);
    if (invalid.length) return groupPage(c, { group, values, errors: [unreadable('name')] }, 400);
    const conflict = () => groupPage(c, { group, values, stored: formFromGroup(group), notice: COLLAB_NOTICES.conflict }, 409);
    if (params.get('etag') !== entryEtag(group)) return conflict();
    const parsed = groupFromForm(values, groupInputOf(group), orgs, resource.check);
    if ('errors' in parsed) return groupPage(c, { group, values, errors: parsed.errors }, 400);
    try {
      await replaceEntry(ctx, resource, currentStaff(c), group.id, params.get('etag') ?? '', parsed.input);
    } catch (error) {
      const errors = refusal(error, groupField, GROUP_TEXTS);
      // both versions side by side; the form now carries the stored version's ETag, so saving keeps mine
      if (!errors) return conflict();
      return groupPage(c, { group, values, errors }, 400);
    }
    return redirectWith(c, '', 'group-saved');
  });

  const meetingPage = (
    c: Context<KitEnv>,
    group: CollaborationGroup,
    props: { values: CollabFormValues; errors?: FormFieldError[]; stored?: CollabFormValues; notice?: Text },
    status: 200 | 400 | 409 = 200,
  ) => {
    const meeting = group.meetings.find((m) => m.id === c.req.param('meetingId'));
    return c.html(
      <MeetingEditPage {...base(c)} {...props} group={group} meeting={meeting} etag={entryEtag(group)} errors={props.errors ?? []} />,
      status,
    );
  };
  /** The group and the meeting id of the path (`ny`: a new meeting), or 404. */
  const meetingOf = async (c: Context<KitEnv>) => {
    const { group } = await editable(c);
    const id = c.req.param('meetingId') ?? '';
    const meeting = group.meetings.find((m) => m.id === id);
    if (id !== 'ny' && !meeting) throw notFound('No such meeting of this group.');
    return { group, meeting };
  };

  app.get(`${PATH}/grupper/:id/moten/:meetingId`, async (c) => {
    const { group, meeting } = await meetingOf(c);
    return meetingPage(c, group, { values: formFromMeeting(meeting) });
  });

  app.post(`${PATH}/grupper/:id/moten/:meetingId`, async (c) => {
    assertFormBody(c);
    const { group, meeting } = await meetingOf(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = meetingFormFromPost(params);
    if (invalid.length) return meetingPage(c, group, { values, errors: [unreadable('date')] }, 400);
    const conflict = () =>
      meetingPage(c, group, { values, stored: meeting ? formFromMeeting(meeting) : undefined, notice: COLLAB_NOTICES.conflict }, 409);
    if (params.get('etag') !== entryEtag(group)) return conflict();
    const id = meeting?.id ?? newMeetingId(values.fields.date ?? '', group.meetings);
    const parsed = groupWithMeeting(values, group, id, resource.check);
    if ('errors' in parsed) return meetingPage(c, group, { values, errors: parsed.errors }, 400);
    try {
      await replaceEntry(ctx, resource, currentStaff(c), group.id, params.get('etag') ?? '', parsed.input);
    } catch (error) {
      const errors = refusal(error, () => 'date', GROUP_TEXTS);
      if (!errors) return conflict();
      return meetingPage(c, group, { values, errors }, 400);
    }
    return redirectWith(c, `/grupper/${group.id}`, 'meeting-saved');
  });
  return app;
}
