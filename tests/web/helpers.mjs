// Shared by the page tests: a static server for www/ (Node's http, 127.0.0.1, a free port), the system Chromium
// through playwright-core, request recording, the engine as a Node module for expectations, and corpus helpers.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const WWW = process.env.NIANBAO_WWW || path.join(ROOT, 'www');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
export const FIXTURES = path.join(here, 'fixtures');
export const ARTIFACTS = path.join(ROOT, 'target', 'web-artifacts');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
};

/** Serve `root` on 127.0.0.1 at a free port. Returns { origin, close() }. */
export async function serve(root = WWW) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep) && file !== root) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A fresh context and page at `origin`, recording every request, console error, page error and dialog.
 * `log.requests` lists URLs; `log.foreign()` those that leave the origin (`data:` URLs count as leaving unless
 * `allowDataUrls`: the editors load their own icons and fonts that way). `permissions` are granted for the origin
 * and `initScript` runs in every document before its own scripts.
 */
export async function openPage(browser, origin, {
  viewport = { width: 1280, height: 900 }, colorScheme = 'light', path: p = '/', permissions = [], initScript, allowDataUrls = false,
} = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true, locale: 'zh-CN' });
  if (permissions.length) await context.grantPermissions(permissions, { origin });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const log = { requests: [], errors: [], dialogs: [] };
  const record = (req) => log.requests.push(req.url());
  context.on('request', record); // includes the worker's requests
  page.on('pageerror', (err) => log.errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') log.errors.push(msg.text()); });
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(origin + p);
  log.foreign = () => log.requests.filter((u) => {
    if (u.startsWith('blob:')) return !u.startsWith(`blob:${origin}/`);
    if (allowDataUrls && u.startsWith('data:')) return false;
    try { return new URL(u).origin !== origin; } catch { return true; }
  });
  return { context, page, log };
}

/** Wait until the page has finished checking what is in the input (state 'done', 'empty' or 'error'). */
export async function settled(page, { timeout = 30_000 } = {}) {
  await page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.querySelector('[data-results]')?.dataset.state), null, { timeout });
  return page.evaluate(() => document.querySelector('[data-results]').dataset.state);
}

export async function ready(page) {
  await page.waitForFunction(() => !document.querySelector('[data-input]').disabled, null, { timeout: 30_000 });
}

/** A real paste: a ClipboardEvent whose DataTransfer holds text/plain (and text/html when given), on the focused input. */
export async function paste(page, { text, html }) {
  await page.focus('[data-input]');
  await page.evaluate(({ text, html }) => {
    const input = document.querySelector('[data-input]');
    input.select();
    const data = new DataTransfer();
    if (html !== undefined) data.setData('text/html', html);
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    const handled = !input.dispatchEvent(event);
    if (!handled) {
      // What the browser does with a paste nobody handled: insert the text in place of the selection.
      input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
    }
  }, { text, html });
}

/** Drop a file (bytes from disk or a Buffer) on the page, as a drag from the file manager would. */
export async function dropFile(page, name, bytes, type = '') {
  await page.evaluate(({ name, b64, type }) => {
    const bin = atob(b64);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    const data = new DataTransfer();
    data.items.add(new File([u8], name, { type }));
    const target = document.querySelector('[data-input]');
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, { name, b64: Buffer.from(bytes).toString('base64'), type });
}

/** What the page shows: summary attributes, findings and every drawn cell. */
export async function shown(page) {
  return page.evaluate(() => {
    const s = document.querySelector('[data-summary]');
    return {
      state: document.querySelector('[data-results]').dataset.state,
      summaryHidden: s.hidden,
      format: s.dataset.format,
      year: s.dataset.year,
      fields: Object.fromEntries([...s.querySelectorAll('[data-field]')].map((d) => [d.dataset.field, d.textContent])),
      verdict: s.querySelector('[data-verdict]').textContent,
      verdictState: s.querySelector('[data-verdict]').dataset.verdict,
      unchecked: [...s.querySelectorAll('[data-unchecked]')].filter((li) => !li.closest('[hidden]')).map((li) => ({
        part: li.dataset.unchecked, reason: li.dataset.reason, text: li.textContent,
      })),
      tableNotes: [...document.querySelectorAll('[data-table-unchecked]')].map((n) => ({ part: n.dataset.tableUnchecked, text: n.textContent })),
      tablesHidden: document.querySelector('[data-tables]').hidden,
      missingRows: [...document.querySelectorAll('tr.row-missing td[data-table]')].map((td) => `${td.dataset.table}/${td.dataset.row}`)
        .filter((k, i, all) => all.indexOf(k) === i),
      text: document.body.innerText,
      findings: [...document.querySelectorAll('[data-findings]:not([hidden]) [data-code]')].map((li) => ({
        code: li.dataset.code, severity: li.dataset.severity, text: li.textContent,
      })),
      cells: [...document.querySelectorAll('td[data-table]')].map((td) => ({
        table: td.dataset.table, row: td.dataset.row, col: Number(td.dataset.col), status: td.dataset.status,
        text: td.querySelector('.v').textContent,
      })),
      input: document.querySelector('[data-input]').value,
      message: document.querySelector('[data-message]').textContent,
      announce: document.querySelector('[data-announce]').textContent,
    };
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Run axe-core on the page (injected as content, outside the page's CSP) and return its violations; `selector`
 * limits it to one element (open shadow roots included).
 */
export async function axe(page, selector) {
  const source = fs.readFileSync(AXE, 'utf8');
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(source); // evaluate is not subject to the page's CSP
  return page.evaluate(async (selector) => {
    const r = await window.axe.run(selector ? document.querySelector(selector) : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  }, selector ?? null);
}

/** The engine as a Node module (pkg/nodejs, written by scripts/build-web.sh with www/pkg): expectations. */
const require = createRequire(import.meta.url);
let engine;
export function nodeEngine() {
  engine ??= require(path.join(ROOT, 'pkg', 'nodejs', 'nianbao.js'));
  return engine;
}

export function corpus(rel) {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

/** The seed reports that have tables (manifest: table3_present = yes). */
export const SEEDS_WITH_TABLES = ['seeds/000_6a976b2651f86c68.txt', 'seeds/001_2de537dbf11b8123.txt', 'seeds/004_046dc01fb9bbe87a.txt'];

/** A file of this repository, as text. */
export function repo(rel) {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}

/**
 * Inputs the engine cannot check in full, each with the verdict a reader of it would give (facts about the
 * files, not the engine's output): a report whose tables are images, a news item, a report cut inside table 三,
 * and the seed whose tables were published as images.
 */
export const UNCHECKED_INPUTS = [
  { name: 'tables as images', text: 'tests/fixtures/coverage/images.txt', html: 'tests/fixtures/coverage/images.html', verdict: 'incomplete', tables: ['active', 'requests', 'reviewLitigation'] },
  { name: 'a news item', text: 'tests/fixtures/coverage/news.txt', html: 'tests/fixtures/coverage/news.html', verdict: 'notReport', tables: [] },
  { name: 'cut inside table 三', text: 'tests/fixtures/rules/P-10/invalid.txt', html: 'tests/fixtures/rules/P-10/invalid.html', verdict: 'incomplete', tables: ['requests', 'reviewLitigation'] },
  { name: 'seed 002 (tables as images)', seed: 'seeds/002_ed70c1a3421d292a.txt', verdict: 'incomplete', tables: ['active', 'requests', 'reviewLitigation'] },
];
/** What a result that is not "pass" must never be called, in either language. */
export const PASSES = /通过全部检查|未发现问题|passes all checks|nothing found|no problems found/i;

/** The text and the HTML of an UNCHECKED_INPUTS entry (a seed has no HTML of its own: it is built from its text). */
export function inputOf(input) {
  const text = input.seed ? corpus(input.seed) : repo(input.text);
  return { text, html: input.html ? repo(input.html) : textToHtml(text) };
}

/** An HTML document built from a text report: pipe rows → one <table> per run of rows, other lines → <p>. */
export function textToHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out = ['<html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('|')) {
      const cells = line.split('|').map((c) => c.trim());
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      while (cells.length && cells[0] === '') cells.shift();
      if (!inTable) { out.push('<table>'); inTable = true; }
      out.push(`<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
    } else {
      if (inTable) { out.push('</table>'); inTable = false; }
      if (line.trim()) out.push(`<p>${esc(line)}</p>`);
    }
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

/** Every drawn cell the contract's tables promise: [table, row, col, cell] for table 二, 三 (template rows) and 四. */
export function expectedCells(result) {
  const out = [];
  const t = result.tables ?? {};
  for (const [key, row] of Object.entries(t.requests?.rows ?? {})) {
    for (let c = 0; c < 7; c++) out.push(['requests', key, c, row.cells?.[c]]);
  }
  if (t.reviewLitigation) for (let c = 0; c < 15; c++) out.push(['reviewLitigation', 'values', c, t.reviewLitigation.cells?.[c]]);
  for (const [key, row] of Object.entries(t.active ?? {})) {
    (row.cells ?? []).forEach((cell, c) => out.push(['active', key, c, cell]));
  }
  return out;
}
