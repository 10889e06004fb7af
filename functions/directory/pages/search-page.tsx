import type { Context } from 'hono';
import type { FieldError } from '../../core/http/problem.js';
import type { KitEnv } from '../../core/http/staff.js';
import { resolveLang, t } from '../../core/i18n.js';
import { Layout } from '../../core/page/layout.js';
import type { DirectoryContext } from '../context.js';
import { malformedCursorField } from '../../core/http/paging.js';
import { servicesCursor } from '../data/cursor.js';
import { DEFAULT_PAGE_SIZE, findServices, type FoundPage } from '../search/find.js';
import { serviceQuerySchema, type ServiceQuery } from '../search/query.js';
import { fieldErrors } from '../../core/http/body.js';
import { TEXT } from './labels.js';
import { NationalLines } from './national-lines.js';
import { SearchForm } from './search-form.js';
import { ServiceCard } from './service-card.js';

/** The same page with another offset in the list (plain links: no JavaScript needed). */
function pageHref(c: Context, offset: number): string {
  const url = new URL(c.req.url);
  if (offset > 0) url.searchParams.set('cursor', servicesCursor.encode(offset));
  else url.searchParams.delete('cursor');
  const query = url.searchParams.toString();
  return query ? `/hitta-stod?${query}` : '/hitta-stod';
}

/** `GET /hitta-stod`: the search form and the area's services, all of them (paged) until a search narrows them. */
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
  // without a search the page lists every service of the area, so nobody meets an empty page
  const searching = parsed.success && Object.keys(raw).some((k) => k !== 'lang' && k !== 'cursor');
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  let page: FoundPage | undefined;
  let offset = 0;
  if (parsed.success) {
    const snapshot = await ctx.load();
    // only a bad cursor is reported as one; any other error of the search is a real failure
    const position = servicesCursor.parse(parsed.data.cursor);
    if (position === false) errors.push(malformedCursorField());
    else {
      offset = position ?? 0;
      page = await findServices(snapshot.collection, () => ctx.searchFor(snapshot.collection), parsed.data, ctx.deps.clock.now());
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
            {`${searching ? t(lang, TEXT.results) : t(lang, { sv: `Alla verksamheter i ${config.name}`, en: `All services in ${config.name}` })} (${page.total})`}
          </h2>
          {!searching && offset === 0 ? <p>{t(lang, TEXT.browseHint)}</p> : null}
          {page.total === 0 ? <p>{t(lang, TEXT.none)}</p> : null}
          {!page.matchedAllWords && page.total > 0 ? <p class="notice">{t(lang, TEXT.some)}</p> : null}
          <ul class="cards">
            {page.items.map((f) => (
              <ServiceCard service={f.service} config={config} lang={lang} href={`/hitta-stod/tjanst/${f.service.id}`} />
            ))}
          </ul>
          {page.total > page.items.length ? (
            <nav class="pager" aria-label={t(lang, { sv: 'Sidor', en: 'Pages' })}>
              <p>
                {t(lang, {
                  sv: `Visar ${offset + 1}–${offset + page.items.length} av ${page.total}`,
                  en: `Showing ${offset + 1}–${offset + page.items.length} of ${page.total}`,
                })}
              </p>
              <ul>
                {offset > 0 ? (
                  <li>
                    <a href={pageHref(c, Math.max(0, offset - limit))} rel="prev">
                      {t(lang, TEXT.previous)}
                    </a>
                  </li>
                ) : null}
                {page.nextCursor ? (
                  <li>
                    <a href={pageHref(c, offset + limit)} rel="next">
                      {t(lang, TEXT.more)}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
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
