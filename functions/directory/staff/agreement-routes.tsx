import { Hono, type Context } from 'hono';
import { indicatorDefinitions } from '../../core/config/definitions.js';
import { readFormFields } from '../../core/http/body.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import type { DirectoryContext } from '../context.js';
import { entryEtag } from '../data/editing.js';
import { knownOrgs } from '../data/orgs.js';
import type { Agreement } from '../model/group.js';
import { agreementResource } from '../routes/agreements.js';
import { createEntry, findEntry, replaceEntry } from '../routes/entry-routes.js';
import {
  AGREEMENT_TEXTS,
  agreementField,
  agreementFormFromPost,
  agreementFromForm,
  agreementInputOf,
  formFromAgreement,
} from './agreement-form.js';
import { AgreementEditPage } from './agreement-page.js';
import type { CollabFormValues } from './collab-form.js';
import { assertMayEditAny, COLLAB_NOTICES, redirectWith, refusal, unreadable } from './collab-kit.js';
import { COLLAB_PATH as PATH } from './collab-parts.js';
import type { FormFieldError } from './service-form.js';

/**
 * Agreements in the staff section: create and edit, with dated status changes and goals. Writes go
 * through the API's `createEntry` / `replaceEntry` with the agreements' resource (a party's editor
 * may change the agreement; admin every one).
 */
export function staffAgreementRoutes(ctx: DirectoryContext): Hono<KitEnv> {
  const { deps } = ctx;
  const resource = agreementResource(ctx);
  const orgs = [...knownOrgs(deps.config)];
  const indicators = indicatorDefinitions(deps.config).map((d) => ({ id: d.id, sv: d.sv, en: d.en }));
  const app = new Hono<KitEnv>();
  const page = (
    c: Context<KitEnv>,
    props: { agreement?: Agreement; values: CollabFormValues; errors?: FormFieldError[]; stored?: CollabFormValues; notice?: Text },
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(
      <AgreementEditPage
        config={deps.config}
        lang={resolveLang(c)}
        nonce={c.get('secureHeadersNonce')}
        staff={currentStaff(c)}
        {...props}
        errors={props.errors ?? []}
        etag={props.agreement ? entryEtag(props.agreement) : undefined}
        indicators={indicators}
      />,
      status,
    );
  const editable = async (c: Context<KitEnv>) => {
    const agreement = findEntry<Agreement>((await ctx.load()).collection, 'agreements', c.req.param('id') ?? '');
    assertMayEditAny(c, agreement.parties, 'agreement');
    return agreement;
  };

  app.get(`${PATH}/overenskommelser/ny`, (c) => {
    const org = currentStaff(c).org;
    return page(c, { values: { fields: { owner: org ?? '' }, orgs: org ? [org] : [] } });
  });

  app.post(`${PATH}/overenskommelser/ny`, async (c) => {
    assertFormBody(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = agreementFormFromPost(params, orgs);
    if (invalid.length) return page(c, { values, errors: [unreadable('title')] }, 400);
    const parsed = agreementFromForm(values, {}, orgs, resource.check);
    if ('errors' in parsed) return page(c, { values, errors: parsed.errors }, 400);
    try {
      await createEntry(ctx, resource, currentStaff(c), parsed.input);
    } catch (error) {
      return page(c, { values, errors: refusal(error, agreementField, AGREEMENT_TEXTS) }, 400);
    }
    return redirectWith(c, '', 'agreement-created');
  });

  app.get(`${PATH}/overenskommelser/:id`, async (c) => {
    const agreement = await editable(c);
    return page(c, { agreement, values: formFromAgreement(agreement) });
  });

  app.post(`${PATH}/overenskommelser/:id`, async (c) => {
    assertFormBody(c);
    const agreement = await editable(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = agreementFormFromPost(params, orgs);
    if (invalid.length) return page(c, { agreement, values, errors: [unreadable('title')] }, 400);
    const conflict = () => page(c, { agreement, values, stored: formFromAgreement(agreement), notice: COLLAB_NOTICES.conflict }, 409);
    // a stale form is a conflict before anything else: its status change may already be stored
    if (params.get('etag') !== entryEtag(agreement)) return conflict();
    const parsed = agreementFromForm(values, agreementInputOf(agreement), orgs, resource.check);
    if ('errors' in parsed) return page(c, { agreement, values, errors: parsed.errors }, 400);
    try {
      await replaceEntry(ctx, resource, currentStaff(c), agreement.id, params.get('etag') ?? '', parsed.input);
    } catch (error) {
      const errors = refusal(error, agreementField, AGREEMENT_TEXTS);
      if (!errors) return conflict();
      return page(c, { agreement, values, errors }, 400);
    }
    return redirectWith(c, '', 'agreement-saved');
  });
  return app;
}
