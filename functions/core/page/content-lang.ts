import type { Lang } from '../i18n.js';

/**
 * The `lang` attribute for text written in `content` (staff write names, titles and descriptions
 * in Swedish) on a page in `page`: none when they agree, else the content's language, so that
 * hyphenation and screen readers follow the text rather than the page.
 *
 * @example
 * <h3 lang={contentLang('sv', lang)}>{service.name}</h3> // lang="sv" on an English page
 */
export function contentLang(content: string, page: Lang): string | undefined {
  return content.toLowerCase().split('-')[0] === page ? undefined : content;
}
