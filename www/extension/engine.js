// The engine side of the extension: checks the clean copy of a page that content.js made, with the shared wrapper
// (checker.js, copied in by the build). Runs where there is a DOMParser and a page's CSP cannot reach: Chrome's
// offscreen document (offscreen.js), or Firefox's background page, which has a DOM.
//
// The copy is parsed with DOMParser (inert: nothing runs or loads) and read with checkElement, so the engine itself
// says which <td>/<th> each finding is about; content.js numbered them (data-nb), and the numbers go back to the page.
import { load, checkElement } from './checker.js';

/** { result, places }: the JSON contract, and for each diagnostic the page cell (nb), its grid and related cells. */
export async function checkHtml(html, options = {}) {
  await load();
  const doc = new DOMParser().parseFromString(String(html), 'text/html');
  const raw = checkElement(doc.documentElement, { ...options, kind: 'html' });
  const nb = (element) => {
    const v = element?.getAttribute?.('data-nb');
    return v == null ? null : Number(v);
  };
  // Every cell the engine read, with its element and grid position (tables.*.cells[], wherever they sit).
  const grids = new Map();
  (function walk(value) {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) { value.forEach(walk); return; }
    if (value.grid && value.element) grids.set(value.element, value.grid);
    for (const [k, v] of Object.entries(value)) if (k !== 'element') walk(v);
  })(raw.tables);
  const places = (raw.diagnostics ?? []).map((d) => ({
    nb: nb(d.element),
    grid: d.element ? grids.get(d.element) ?? null : null,
    related: (d.related ?? []).map((r) => nb(r.element)).filter((n) => n != null),
  }));
  // The contract without the elements (they do not cross to the page).
  const result = JSON.parse(JSON.stringify(raw, (k, v) => (k === 'element' ? undefined : v)));
  return { result, places };
}

