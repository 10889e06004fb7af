import { Hono } from 'hono';
import { cachedResponse } from '../../core/http/cache.js';
import type { KitEnv } from '../../core/http/staff.js';

// Progressive enhancement: without it the limit is still shown as text and enforced on the server.
const SCRIPT = `(function () {
  var area = document.getElementById('text');
  if (!area) return;
  var max = Number(area.getAttribute('data-max'));
  var sv = document.documentElement.lang !== 'en';
  var out = document.createElement('p');
  out.id = 'text-count';
  out.className = 'hint';
  out.setAttribute('aria-live', 'polite');
  area.parentNode.insertBefore(out, area.nextSibling);
  var update = function () {
    var left = max - Array.from(area.value).length;
    out.textContent = left >= 0
      ? (sv ? 'Du har ' + left + ' tecken kvar' : 'You have ' + left + ' characters remaining')
      : (sv ? 'Du har ' + -left + ' tecken för mycket' : 'You have ' + -left + ' characters too many');
  };
  area.addEventListener('input', update);
  update();
})();
`;

/** `GET /tyck-till/teckenraknare.js`: a live "characters remaining" under the text field. */
export function characterCountRoute(): Hono<KitEnv> {
  const app = new Hono<KitEnv>();
  app.get('/', (c) => cachedResponse(c, SCRIPT, { contentType: 'text/javascript; charset=utf-8', maxAge: 3600 }));
  return app;
}
