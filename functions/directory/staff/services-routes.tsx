import { Hono, type Context } from 'hono';
import { canEditOrg, type Staff } from '../../core/auth/auth.js';
import { readFormFields } from '../../core/http/body.js';
import { ProblemError } from '../../core/http/problem.js';
import { assertFormBody } from '../../core/http/same-origin.js';
import { currentStaff, type KitEnv } from '../../core/http/staff.js';
import { resolveLang, type Text } from '../../core/i18n.js';
import { staffPage } from '../../core/session/middleware.js';
import type { DirectoryContext } from '../context.js';
import { entryEtag } from '../data/editing.js';
import { knownOrgs, orgName } from '../data/orgs.js';
import type { Service } from '../model/service.js';
import { createEntry, findEntry, replaceEntry, retireEntry } from '../routes/entry-routes.js';
import { checkServiceInput, serviceResource } from '../routes/services.js';
import {
  emptyForm,
  formFromPost,
  formFromService,
  inputOf,
  serviceFromForm,
  type FormFieldError,
  type ServiceFormValues,
} from './service-form.js';
import { SERVICES_PATH as PATH, ServiceEditPage, ServiceListPage } from './services-page.js';

const NOTICES: Record<string, Text> = {
  created: { sv: 'Tjänsten är tillagd och syns nu i Hitta stöd.', en: 'The service is added and now shown in Find support.' },
  saved: { sv: 'Ändringarna är sparade.', en: 'The changes are saved.' },
  verified: { sv: 'Tjänsten är markerad som kontrollerad i dag.', en: 'The service is marked as checked today.' },
  retired: {
    sv: 'Tjänsten är avslutad och visas inte längre för allmänheten.',
    en: 'The service is retired and no longer shown to the public.',
  },
  stale: {
    sv: 'Någon annan ändrade tjänsten samtidigt (eller formuläret skickades två gånger). Ingenting sparades. Se den nya versionen och försök igen.',
    en: 'Someone else changed the service at the same time (or the form was sent twice). Nothing was saved. See the new version and try again.',
  },
  conflict: {
    sv: 'Någon annan ändrade tjänsten medan du skrev. Ingenting sparades. Jämför versionerna: spara din version igen eller använd den sparade.',
    en: 'Someone else changed the service while you were typing. Nothing was saved. Compare the versions: save yours again or use the stored one.',
  },
  invalid: {
    sv: 'Tjänsten har uppgifter som behöver rättas innan den kan markeras som kontrollerad. Öppna den, rätta felen och spara.',
    en: 'The service has details that must be corrected before it can be marked as checked. Open it, correct the errors and save.',
  },
  unreadable: {
    sv: 'Formuläret innehöll tecken som inte gick att läsa. Ingenting sparades.',
    en: 'The form held characters that could not be read. Nothing was saved.',
  },
};

const UNREADABLE: FormFieldError = { field: 'name', ...NOTICES.unreadable! };

/** An API problem of a field (e.g. the organisation check) as form errors. */
function problemErrors(error: ProblemError): FormFieldError[] {
  return (error.problem.errors ?? []).map((e) => ({
    field: e.field === 'organization' ? 'organizationId' : e.field,
    sv: e.sv ?? error.problem.title,
    en: e.message,
  }));
}

/**
 * The directory's staff section `/personal/hitta-stod`, usable without JavaScript: the services of
 * the person's organisation (every service for admin) with when each was last checked and a "still
 * correct" button; add, edit and retire a service. Every write goes through the API's own
 * functions (`createEntry`, `replaceEntry`, `retireEntry` with the services' validation), so the
 * rules, the version check and the history are the same as for `/api/directory/services`.
 */
export function staffServicesRoutes(ctx: DirectoryContext): Hono<KitEnv> {
  const { deps } = ctx;
  const resource = serviceResource(ctx);
  const app = new Hono<KitEnv>();
  const q = (c: Context<KitEnv>) => (resolveLang(c) === 'en' ? 'lang=en' : '');
  const back = (c: Context<KitEnv>, notice: string) => c.redirect(`${PATH}?meddelande=${notice}${q(c) ? `&${q(c)}` : ''}`, 303);
  const orgsFor = (staff: Staff) =>
    [...knownOrgs(deps.config)]
      .filter((id) => canEditOrg(staff, id))
      .map((id) => ({ id, sv: orgName(deps.config, id), en: orgName(deps.config, id) }));
  const check = (input: Parameters<typeof checkServiceInput>[1]) => checkServiceInput(ctx, input);
  const page = (c: Context<KitEnv>) => ({
    config: deps.config,
    lang: resolveLang(c),
    nonce: c.get('secureHeadersNonce'),
    staff: currentStaff(c),
  });
  const editPage = (
    c: Context<KitEnv>,
    props: { service?: Service; values: ServiceFormValues; errors?: FormFieldError[]; stored?: ServiceFormValues; notice?: Text },
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(
      <ServiceEditPage
        {...page(c)}
        {...props}
        errors={props.errors ?? []}
        etag={props.service ? entryEtag(props.service) : undefined}
        orgs={orgsFor(currentStaff(c))}
      />,
      status,
    );
  /** A service the person may edit, or 404/403 as the API answers. */
  const editable = async (c: Context<KitEnv>): Promise<Service> => {
    const service = findEntry<Service>((await ctx.load()).collection, 'services', c.req.param('id') ?? '');
    if (!canEditOrg(currentStaff(c), service.organizationId))
      throw new ProblemError({
        status: 403,
        title: 'Behörighet saknas för organisationen',
        detail: 'You may not edit services of this organisation.',
      });
    return service;
  };

  app.use(`${PATH}/*`, staffPage(deps, 'admin', 'editor'));

  app.get(PATH, async (c) => {
    const staff = currentStaff(c);
    const { collection } = await ctx.load();
    const services = collection.services
      .filter((s) => canEditOrg(staff, s.organizationId))
      .map((s) => ({ ...s, etag: entryEtag(s) }))
      .sort((a, b) => Number(a.status === 'retired') - Number(b.status === 'retired') || a.name.localeCompare(b.name, 'sv'));
    return c.html(
      <ServiceListPage {...page(c)} services={services} now={deps.clock.now()} notice={NOTICES[c.req.query('meddelande') ?? '']} />,
    );
  });

  app.get(`${PATH}/ny`, (c) => {
    const staff = currentStaff(c);
    const org = staff.org && canEditOrg(staff, staff.org) ? staff.org : (orgsFor(staff)[0]?.id ?? '');
    return editPage(c, { values: emptyForm(org, /^\d{4}$/.test(org) ? 'municipality' : 'region') });
  });

  app.post(`${PATH}/ny`, async (c) => {
    assertFormBody(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = formFromPost(params);
    if (invalid.length) return editPage(c, { values, errors: [UNREADABLE] }, 400);
    const parsed = serviceFromForm(values, {}, check);
    if ('errors' in parsed) return editPage(c, { values, errors: parsed.errors }, 400);
    try {
      await createEntry(ctx, resource, currentStaff(c), parsed.input);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status < 500) return editPage(c, { values, errors: problemErrors(error) }, 400);
      throw error;
    }
    return back(c, 'created');
  });

  app.get(`${PATH}/:id`, async (c) => {
    const service = await editable(c);
    return editPage(c, { service, values: formFromService(service) });
  });

  app.post(`${PATH}/:id`, async (c) => {
    assertFormBody(c);
    const service = await editable(c);
    const { params, invalid } = await readFormFields(c, 65536);
    const values = formFromPost(params);
    if (invalid.length) return editPage(c, { service, values, errors: [UNREADABLE] }, 400);
    const parsed = serviceFromForm(values, inputOf(service), check);
    if ('errors' in parsed) return editPage(c, { service, values, errors: parsed.errors }, 400);
    try {
      await replaceEntry(ctx, resource, currentStaff(c), service.id, params.get('etag') ?? '', parsed.input);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.problem.status >= 500) throw error;
      if (error.problem.status === 412) {
        // both versions side by side; the form now carries the stored version's ETag, so saving keeps mine
        return editPage(c, { service, values, stored: formFromService(service), notice: NOTICES.conflict }, 409);
      }
      return editPage(c, { service, values, errors: problemErrors(error) }, 400);
    }
    return back(c, 'saved');
  });

  app.post(`${PATH}/:id/kontrollerad`, async (c) => {
    assertFormBody(c);
    const service = await editable(c);
    const { params } = await readFormFields(c, 4096);
    try {
      await replaceEntry(ctx, resource, currentStaff(c), service.id, params.get('etag') ?? '', { ...inputOf(service), verified: true });
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 412) return back(c, 'stale');
      if (error instanceof ProblemError && error.problem.status === 400) return back(c, 'invalid');
      throw error;
    }
    return back(c, 'verified');
  });

  app.post(`${PATH}/:id/avsluta`, async (c) => {
    assertFormBody(c);
    const service = await editable(c);
    const { params } = await readFormFields(c, 4096);
    try {
      await retireEntry(ctx, resource, currentStaff(c), service.id, params.get('etag') ?? '');
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 412) return back(c, 'stale');
      throw error;
    }
    return back(c, 'retired');
  });
  return app;
}
