import type { CountyConfig } from '../config/schema.js';

/**
 * The kit's one stylesheet, inlined in every page under the CSP nonce. Pages use these classes;
 * `style` attributes are blocked by the Content-Security-Policy, so never write one.
 * The brand colour comes from config; contrast against white is checked by axe in the page tests.
 */
export function siteCss(config: Pick<CountyConfig, 'branding'>): string {
  const brand = config.branding.colour;
  return `
:root{--brand:${brand};--text:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--bg:#fff;--soft:#f3f2f1;--focus:#ffdd00;--error:#b3261e;--ok:#00703c}
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--text);background:var(--bg)}
body{margin:0}
main,.site-header,.site-footer{overflow-wrap:anywhere}
h1,h2,h3,.lead,.card,dd,th,td,caption,blockquote,legend,label{hyphens:auto;-webkit-hyphens:auto}
img,svg{max-width:100%}
a{color:#1d4f91;text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.15em}
a:hover{color:#0b0c0c}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.skip{position:absolute;left:-9999px;top:0;background:var(--focus);color:#0b0c0c;padding:.5rem 1rem}
.skip:focus{left:0;z-index:10}
.site-header{background:var(--brand);color:#fff}
.site-header a{color:#fff}
.site-header .bar>*{min-width:0}
.site-header .bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
.logo{font-weight:700;font-size:1.25rem;text-decoration:none}
.site-nav{background:#fff;border-bottom:1px solid var(--line)}
.site-nav ul{max-width:64rem;margin:0 auto;padding:.25rem 1rem;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.site-nav a{display:inline-block;padding:.5rem 0;font-weight:600}
.site-nav a[aria-current="page"]{text-decoration-thickness:3px}
main{display:block;max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:clamp(1.5rem,1.1rem + 2vw,2rem);line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
.lead{font-size:1.2rem}
.muted{color:var(--muted)}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));gap:1rem}
.card{min-width:0;border:1px solid var(--line);border-top:4px solid var(--brand);padding:1rem;background:#fff}
.card h2,.card h3{margin-top:0}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
.hint{color:var(--muted);margin:0 0 .25rem}
input[type=text],input[type=email],input[type=tel],input[type=search],input[type=number],input[type=date],input[type=datetime-local],select,textarea{font:inherit;border:2px solid #0b0c0c;padding:.4rem;max-width:100%;background:#fff;color:var(--text)}
input[type=text],input[type=email],input[type=search],textarea{width:100%}
fieldset{border:0;padding:0;margin:1rem 0;min-width:0}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}
.choice input{width:1.25rem;height:1.25rem;margin-top:.2rem;flex:none}
.choice label{font-weight:400;margin:0;min-width:0}
button,.button{font:inherit;font-weight:600;background:var(--ok);color:#fff;border:0;border-bottom:3px solid #002d18;padding:.55rem 1rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:var(--soft);color:#0b0c0c;border-bottom-color:#858686}
.error-summary{border:4px solid var(--error);padding:1rem;margin-bottom:1.5rem}
.error-summary h2{margin-top:0}
.error-message{color:var(--error);font-weight:700;margin:.25rem 0}
.field-error input,.field-error textarea,.field-error select{border-color:var(--error)}
.notice{border-left:6px solid var(--brand);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.tag{display:inline-block;overflow-wrap:break-word;background:var(--soft);border:1px solid var(--line);padding:0 .4rem;margin:0 .25rem .25rem 0;font-size:.9rem}
.tag.warn{background:#fff4e5;border-color:#8a4b00;color:#5c3200}
dt{font-weight:600}
dd{margin:0 0 .75rem}
.description,blockquote{white-space:pre-line}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:4px solid var(--line)}
a[href^="tel:"]{white-space:nowrap}
.inline-list{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
thead th,tbody th,td.num{overflow-wrap:break-word}
td.num{hyphens:manual}
${numericHeaders(16)}
.table-scroll{position:relative;overflow-x:auto;max-width:100%;margin:0 0 1rem;background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left center/2.5rem 100% no-repeat local,linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right center/2.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) left center/.9rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right center/.9rem 100% no-repeat scroll}
.table-scroll:focus{outline:3px solid var(--focus);outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.table-scroll table{margin:0;min-width:30rem}
.table-scroll thead th,.table-scroll .num{white-space:nowrap}
.table-scroll tbody th{width:9rem;min-width:9rem;overflow-wrap:anywhere}
.table-scroll table:has(tbody th) tr>:first-child{position:sticky;left:0;background:#fff;box-shadow:inset -1px 0 0 var(--line)}
.scroll-hint{color:var(--muted);font-size:.9rem;margin:.5rem 0 .25rem}
@media (min-width:40em){.scroll-hint{display:none}}
@media (max-width:30em){th,td{padding:.35rem .3rem}main{padding-left:.75rem;padding-right:.75rem}}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.offscreen{position:absolute;left:-9999px;top:auto;width:1px;height:1px;overflow:hidden}
.site-footer{border-top:1px solid var(--line);background:var(--soft)}
.site-footer .bar{max-width:64rem;margin:0 auto;padding:1rem;color:var(--muted)}
.site-footer a{color:#1d4f91}
svg text{font-family:inherit}
svg.chart{display:block;width:100%;height:auto;max-width:30rem;margin:1rem 0}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
}

/**
 * Header cells of numeric columns align right like the numbers below them. A column counts as
 * numeric when its cell in the first body row is `.num`, so pages need not mark header cells.
 */
function numericHeaders(columns: number): string {
  return (
    Array.from(
      { length: columns - 1 },
      (_, i) => `table:has(>tbody>tr:first-child>.num:nth-child(${i + 2}))>thead>tr>th:nth-child(${i + 2})`,
    ).join(',') + '{text-align:right}'
  );
}
