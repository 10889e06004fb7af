import type { Context } from 'hono';
import type { FieldError } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { findServices, type FoundPage } from '../search/find.js';
import { serviceQuerySchema, type ServiceQuery } from '../search/query.js';
import { fieldErrors } from '../../core/http/body.js';
import { TEXT } from './labels.js';
import { NationalLines } from './national-lines.js';
import { SearchForm } from './search-form.js';
import { ServiceCard } from './service-card.js';

function nextHref(c: Context, cursor: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', cursor);
  return `/hitta-stod?${url.searchParams.toString()}`;
}

/** `GET /hitta-stod`: the search form and, when asked, the results. */
export async function searchPage(c: Context<KitEnv>, ctx: DirectoryContext): Promise<Response> {
  const lang = resolveLang(c);
  const { config } = ctx.deps;
  const url = new URL(c.req.url);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key).filter((v) => v !== '');
    if (all.length) raw[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const parsed = serviceQuerySchema(config).safeParse(raw);
  const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error.issues);
  const query: Partial<ServiceQuery> = parsed.success ? parsed.data : {};
  const asked = parsed.success && Object.keys(raw).some((k) => k !== 'lang');
  let page: FoundPage | undefined;
  if (asked && parsed.success) {
    const snapshot = await ctx.load();
    try {
      page = findServices(snapshot.collection, () => ctx.searchFor(snapshot.collection), parsed.data, ctx.deps.clock.now());
    } catch {
      errors.push({ field: 'cursor', message: 'Malformed cursor' });
    }
  }
  const title = (errors.length ? t(lang, { sv: 'Fel: ', en: 'Error: ' }) : '') + t(lang, TEXT.title);
  return c.html(
    <Layout config={config} lang={lang} title={title} path="/hitta-stod" current="directory" nonce={c.get('secureHeadersNonce')}>
      <h1>{t(lang, TEXT.title)}</h1>
      <p class="lead">{t(lang, TEXT.lead)}</p>
      {errors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t(lang, { sv: 'Sökningen kunde inte göras', en: 'The search could not be made' })}</h2>
          <ul>
            {errors.map((e) => (
              <li>
                <a href={`#${e.field.split('.')[0]}`}>
                  {e.field.split('.')[0]}: {t(lang, { sv: 'ogiltigt värde', en: 'invalid value' })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SearchForm config={config} lang={lang} query={query} openFilters={errors.length > 0} />
      {page ? (
        <section aria-labelledby="results">
          <h2 id="results">
            {t(lang, TEXT.results)} ({page.total})
          </h2>
          {page.total === 0 ? <p>{t(lang, TEXT.none)}</p> : null}
          {!page.matchedAllWords && page.total > 0 ? <p class="notice">{t(lang, TEXT.some)}</p> : null}
          <ul class="cards">
            {page.items.map((f) => (
              <ServiceCard service={f.service} config={config} lang={lang} href={`/hitta-stod/tjanst/${f.service.id}`} />
            ))}
          </ul>
          {page.nextCursor ? (
            <p>
              <a href={nextHref(c, page.nextCursor)}>{t(lang, TEXT.more)}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href="/hitta-stod/samverkan">{t(lang, TEXT.groupsLink)}</a>
      </p>
      <NationalLines lang={lang} />
    </Layout>,
    errors.length ? 400 : 200,
  );
}
