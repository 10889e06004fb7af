import { tryGetContext } from 'hono/context-storage';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { CountyConfig } from '../config/schema.js';
import { t, type Lang } from '../i18n.js';
import { SERVICE_PATHS, SERVICES, type ServiceName } from '../routes.js';
import { siteCss } from './styles.js';

/** Props of `Layout`. */
export interface LayoutProps {
  readonly config: CountyConfig;
  readonly lang: Lang;
  /** The page's own title; the site name is appended. Start with "Fel: " on a page with errors. */
  readonly title: string;
  /** The service the page belongs to, marked current in the navigation. */
  readonly current?: ServiceName;
  /** The CSP nonce of this response (from `c.get('secureHeadersNonce')`). */
  readonly nonce?: string;
  /**
   * The page's path without query. The language switch links to it after a form post; after a
   * GET it links to the address actually asked for, query included.
   */
  readonly path: string;
  /** Extra elements for `<head>` (e.g. JSON-LD, feed links). */
  readonly head?: Child;
  readonly children?: Child;
}

const cssCache = new WeakMap<CountyConfig, string>();

/**
 * The link that shows the current page in `lang`: the address of this GET with its query kept
 * and `lang` set, or `path` when the page answers a form post (whose address may not take a GET).
 */
export function languageSwitchHref(path: string, lang: Lang, request?: { readonly method: string; readonly url: string }): string {
  const url = request?.method === 'GET' || request?.method === 'HEAD' ? new URL(request.url) : new URL(path, 'http://localhost');
  const query = new URLSearchParams(url.search);
  query.delete('lang');
  query.set('lang', lang);
  return `${url.pathname}?${query.toString()}`;
}

/**
 * The one page layout of the kit: skip link, the area's branding, navigation to the enabled
 * services, a language switch that works without JavaScript, and a footer.
 *
 * @example
 * return c.html(<Layout config={config} lang="sv" title="Hitta stöd" path="/hitta-stod" nonce={nonce}>…</Layout>);
 */
function LayoutPage(props: LayoutProps) {
  const { config, lang } = props;
  let css = cssCache.get(config);
  if (css === undefined) {
    css = siteCss(config).replace(/\n/g, '');
    cssCache.set(config, css);
  }
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const request = tryGetContext()?.req;
  const enabled = SERVICES.filter((s) => config.modules[s]);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${props.title} – ${config.branding.siteName}`}</title>
        <style nonce={props.nonce}>{raw(css)}</style>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t(lang, { sv: 'Till huvudinnehållet', en: 'Skip to main content' })}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="logo" href="/">
              {config.branding.logoText}
            </a>
            <a href={languageSwitchHref(props.path, other, request)} lang={other} hreflang={other}>
              {other === 'en' ? 'In English' : 'På svenska'}
            </a>
          </div>
        </header>
        <nav class="site-nav" aria-label={t(lang, { sv: 'Tjänster', en: 'Services' })}>
          <ul>
            {enabled.map((s) => (
              <li>
                <a href={SERVICE_PATHS[s].pages[0]} aria-current={props.current === s ? 'page' : undefined}>
                  {t(lang, SERVICE_PATHS[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="bar">
            <p>
              {config.branding.siteName}. {t(lang, { sv: 'Ett samarbete mellan', en: 'A collaboration between' })} {config.region.name}{' '}
              {t(lang, { sv: `och ${config.municipalities.length} kommuner.`, en: `and ${config.municipalities.length} municipalities.` })}
            </p>
            <p>
              {t(lang, {
                sv: 'Vid akut fara för liv eller hälsa: ring 112. Sjukvårdsrådgivning: 1177.',
                en: 'In an emergency: call 112. Health care advice: 1177.',
              })}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * The page layout with its doctype. Without one, browsers render in quirks mode: tables ignore
 * the page's font size and the body rather than the root element scrolls, which hides sideways
 * scrolling from reflow checks. See `LayoutPage` above for what the page holds.
 *
 * @example
 * return c.html(<Layout config={config} lang="sv" title="Hitta stöd" path="/hitta-stod" nonce={nonce}>…</Layout>);
 */
export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <LayoutPage {...props} />
    </>
  );
}
