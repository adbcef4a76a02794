// The browser extension (pkg/extension, assembled by scripts/build-web.sh from www/extension and wasm-pack.toml's
// [extension]) loaded unpacked into the system Chromium (playwright-core, headless), on fixture portal pages served
// on 127.0.0.1. The check is started as a person starts it: the toolbar button, through the DevTools protocol's
// Extensions.triggerAction on the tab (which grants activeTab exactly as a click does).
//
// Expectations come from the engine run as a Node module (pkg/nodejs) on the report's own HTML, and from facts of
// the fixture (tests/fixtures/rules/T3-3/invalid.html has its T3-3 error at requests/granted/6). Screenshots go
// to target/extension-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const EXT = process.env.NIANBAO_EXTENSION || path.join(ROOT, 'pkg', 'extension');
const ZIP = process.env.NIANBAO_EXTENSION_ZIP || path.join(ROOT, 'pkg', 'nianbao-extension.zip');
const ARTIFACTS = path.join(ROOT, 'target', 'extension-artifacts');
const FIX = path.join(here, 'fixtures');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const T33 = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'rules', 'T3-3', 'invalid.html'), 'utf8');
const PINGTAN = fs.readFileSync(path.join(CORPUS, 'reports', 'pingtan-2022.html'), 'utf8');
const engine = createRequire(import.meta.url)(path.join(ROOT, 'pkg', 'nodejs', 'nianbao.js'));

if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  throw new Error(`${EXT}/manifest.json is missing: build the extension with scripts/build-web.sh (or scripts/build-web.sh --extension-only)`);
}

// ---- the fixture portal ------------------------------------------------------------------------------------------

/** The portal's own script, added before </body> of every page it serves. */
const withOwnScript = (html) => html.replace(/<\/body>/i, '<script src="/own.js"></script></body>');

/** Jammers in every number cell of a report: hidden digits by inline style, by a <style> class and by an external style sheet's class. */
function jammed(html) {
  let n = 0;
  const out = html
    .replace('</head>', '<style>.jm{display:none}</style><link rel="stylesheet" href="/jam.css"></head>')
    .replace(/>(\d+)<\/span><\/p><\/td>/g, (_, d) => {
      n += 1;
      return `>${d}<span style="display:none">7</span><span class="jm">4</span><span class="ext-jam">0</span></span></p></td>`;
    });
  assert.ok(n > 50, `jammers put into ${n} number cells`);
  return out;
}

function gbk(html) {
  const utf8 = html.replace('<meta charset="utf-8">', '<meta charset="gbk">');
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: Buffer.from(utf8, 'utf8') });
  assert.equal(r.status, 0, `iconv: ${r.stderr}`);
  assert.notDeepEqual(r.stdout, Buffer.from(utf8, 'utf8'), 'the GBK bytes differ from UTF-8');
  return r.stdout;
}

const PAGES = {
  '/report.html': { body: withOwnScript(T33) },
  '/csp.html': { body: withOwnScript(T33), headers: { 'content-security-policy': "script-src 'self'" } },
  '/gbk.html': { body: gbk(withOwnScript(T33)), type: 'text/html; charset=gbk' },
  '/jammed.html': { body: withOwnScript(jammed(T33)) },
  '/pingtan.html': { body: withOwnScript(PINGTAN) },
  '/frame.html': { body: withOwnScript(fs.readFileSync(path.join(FIX, 'frame.html'), 'utf8')) },
  '/not-report.html': { body: withOwnScript(fs.readFileSync(path.join(FIX, 'not-report.html'), 'utf8')) },
  '/own.js': { body: fs.readFileSync(path.join(FIX, 'own.js')), type: 'text/javascript' },
  '/jam.css': { body: fs.readFileSync(path.join(FIX, 'jam.css')), type: 'text/css' },
};

let server;
let origin;
let context;
let sw;
let browserCdp;
let extId;
const requests = [];

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = http.createServer((req, res) => {
    const page = PAGES[new URL(req.url, 'http://x').pathname];
    if (!page) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    res.end(page.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-ext-'));
  context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--enable-unsafe-extension-debugging', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
  });
  // The fixture portal is offline: whatever leaves 127.0.0.1 is refused, and recorded with who asked for it.
  await context.route((url) => !url.href.startsWith('http://127.0.0.1:') && url.protocol.startsWith('http'), (route) => route.abort());
  context.on('request', (r) => {
    let by;
    try { by = r.frame().url(); } catch { by = r.serviceWorker()?.url() ?? 'extension'; }
    requests.push({ url: r.url(), by });
  });
  sw = context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? await context.waitForEvent('serviceworker');
  extId = new URL(sw.url()).host;
  browserCdp = await context.browser().newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r) ?? r());
});

// ---- driving the extension -----------------------------------------------------------------------------------------

async function open(p) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin + p);
  await page.bringToFront();
  return { page, errors };
}

/**
 * Click the toolbar button on the page's tab; returns the service worker's answer ({ report, errors, … }) and the badge.
 * Known flake (headless only, about one run in three, never the same test): the activeTab grant of a triggered action
 * sometimes has not reached the tab when executeScript runs ("Cannot access contents of the page"); the click is
 * then repeated once, as a person would. Any other failure, or a second one, fails the test.
 */
async function clickAction(page, retry = true) {
  try {
    return await clickOnce(page);
  } catch (err) {
    if (!retry || !/Cannot access contents of the page/.test(String(err?.message))) throw err;
    return clickAction(page, false);
  }
}

async function clickOnce(page) {
  const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  assert.ok(tab, `a tab target for ${page.url()}`);
  // A click is on the tab in front: wait until the page is the visible tab of its window.
  await page.bringToFront();
  await page.waitForFunction(() => document.visibilityState === 'visible', null, { timeout: 5000 });
  const before = await sw.evaluate(() => globalThis.nianbao.lastClick()?.n ?? 0);
  await browserCdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId });
  const tabId = await sw.evaluate(async (n) => {
    for (let i = 0; i < 200 && (globalThis.nianbao.lastClick()?.n ?? 0) === n; i++) await new Promise((r) => setTimeout(r, 25));
    return globalThis.nianbao.lastClick()?.tabId;
  }, before);
  assert.ok(tabId != null, 'the click reached the extension');
  const answer = await sw.evaluate((id) => globalThis.nianbao.lastRun(id), tabId);
  const badge = await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  return { answer, badge, tabId };
}

/** Each table cell's position on the expanded grid (rowspan/colspan laid out), as the engine numbers it. */
function gridPositions() {
  const out = new Map();
  [...document.querySelectorAll('table')].forEach((table, t) => {
    const taken = [];
    [...table.rows].forEach((tr, r) => {
      taken[r] ??= [];
      let c = 0;
      for (const td of tr.cells) {
        while (taken[r][c]) c += 1;
        const rs = Math.min(Number(td.getAttribute('rowspan')) || 1, table.rows.length - r);
        const cs = Number(td.getAttribute('colspan')) || 1;
        for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) (taken[i] ??= [])[j] = true;
        out.set(td, { table: t, row: r, col: c });
        c += cs;
      }
    });
  });
  return out;
}

/** The cells the extension outlined in a frame: [table, row, col, severity] by their place in the page's tables. */
async function outlined(frame) {
  return frame.evaluate((src) => {
    const positions = (0, eval)(`(${src})`)();
    return [...document.querySelectorAll('[data-nianbao-flag]')].map((td) => {
      const g = positions.get(td);
      return `${g.table}/${g.row}/${g.col}:${td.getAttribute('data-nianbao-flag')}`;
    }).sort();
  }, gridPositions.toString());
}

/** The panel's findings, read from its shadow root: "CODE:severity". */
async function panelFindings(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-nianbao-panel]')?.shadowRoot;
    if (!root) return null;
    return {
      items: [...root.querySelectorAll('li.finding')].map((li) => `${li.dataset.code}:${li.dataset.severity}`).sort(),
      messages: [...root.querySelectorAll('li.finding .message')].map((p) => p.textContent),
      verdict: root.querySelector('.verdict')?.textContent,
    };
  });
}

const sev = (s) => (['error', 'warning', 'notice'].includes(s) ? s : 'notice');

/** What the engine says about a report's HTML: badge text, findings, and the grid cells it flags (highest severity). */
function expected(html) {
  const r = engine.check(html, { kind: 'html', lang: 'zh' });
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const rank = { notice: 1, warning: 2, error: 3 };
  const flags = new Map();
  for (const d of r.diagnostics) {
    if (!d.cell) continue;
    const t = r.tables;
    const cell = d.cell.table === 'requests' ? t.requests?.rows?.[d.cell.row]?.cells?.[d.cell.column]
      : d.cell.table === 'reviewLitigation' ? t.reviewLitigation?.cells?.[d.cell.column]
      : t.active?.[d.cell.row]?.cells?.[d.cell.column];
    if (!cell?.grid) continue;
    const k = `${cell.grid.table}/${cell.grid.row}/${cell.grid.col}`;
    if (!flags.has(k) || rank[sev(d.severity)] > rank[flags.get(k)]) flags.set(k, sev(d.severity));
  }
  return {
    result: r,
    badge: errors ? String(errors) : '✓',
    findings: r.diagnostics.map((d) => `${d.code}:${sev(d.severity)}`).sort(),
    messages: r.diagnostics.map((d) => d.message),
    cells: [...flags].map(([k, s]) => `${k}:${s}`).sort(),
  };
}

async function ownScriptStillWorks(frame, clickable) {
  assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('data-own-script')), 'ran', 'the page\'s own script ran');
  const before = Number(await frame.evaluate(() => document.documentElement.getAttribute('data-own-clicks')));
  await clickable.click();
  const afterClicks = Number(await frame.evaluate(() => document.documentElement.getAttribute('data-own-clicks')));
  assert.equal(afterClicks, before + 1, 'the page\'s own click handler still runs after the check');
}

const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** Check a report page by clicking the button; assert badge, outlines, panel, the page's own script. */
async function checkReport(p, expect, name) {
  const { page, errors } = await open(p);
  const pageOwn = errors.length; // a portal's own script errors (平潭's page has some) are not the extension's
  const { answer, badge } = await clickAction(page);
  assert.equal(answer.report, true, `${name}: seen as a report`);
  assert.equal(answer.frameId, 0, `${name}: the report is in the top frame`);
  assert.equal(badge, expect.badge, `${name}: badge`);
  assert.deepEqual(await outlined(page.mainFrame()), expect.cells, `${name}: outlined cells (table/row/col:severity)`);
  const panel = await panelFindings(page);
  assert.ok(panel, `${name}: panel shown`);
  assert.deepEqual(panel.items, expect.findings, `${name}: the panel's findings`);
  assert.deepEqual(panel.messages.toSorted(), expect.messages.toSorted(), `${name}: the panel's messages`);
  await shot(page, name);
  await ownScriptStillWorks(page.mainFrame(), page.locator('p').first());
  assert.deepEqual(errors.slice(pageOwn), [], `${name}: no page errors after the check`);
  return page;
}

// ---- the tests -------------------------------------------------------------------------------------------------------

const t33 = () => expected(T33);

test('the T3-3 fixture has its known error at requests/granted/6 (the fact the page tests lean on)', () => {
  const e = t33();
  const d = e.result.diagnostics.find((x) => x.code === 'T3-3');
  assert.deepEqual(d.cell, { table: 'requests', row: 'granted', column: 6 });
  assert.equal(d.severity, 'error');
  const g = e.result.tables.requests.rows.granted.cells[6].grid;
  assert.ok(e.cells.includes(`${g.table}/${g.row}/${g.col}:error`));
});

test('Word-export report page (平潭 2022, corpus): badge, outlines, panel', async () => {
  const e = expected(PINGTAN);
  assert.equal(e.badge, '✓', 'the engine finds no error in 平潭 2022 (the badge shows a check mark)');
  const page = await checkReport('/pingtan.html', e, 'word-export-pingtan');
  await page.close();
});

test('report page with a known error: outlined cell, tooltip with the arithmetic, jump, exports, full checker', async () => {
  const e = t33();
  const page = await checkReport('/report.html', e, 'report-t3-3');
  const t33d = e.result.diagnostics.find((d) => d.code === 'T3-3');
  const g = e.result.tables.requests.rows.granted.cells[6].grid;
  // The outlined cell shows the wrong number, and its tooltip the message and the arithmetic.
  const cell = page.locator('[data-nianbao-flag="error"]');
  assert.equal((await cell.textContent()).trim(), e.result.tables.requests.rows.granted.cells[6].raw);
  await cell.evaluate((td) => td.scrollIntoView({ block: 'center' }));
  await cell.hover();
  await page.waitForFunction(() => { const h = document.querySelector('[data-nianbao-tip]'); return h && !h.hidden; }, null, { timeout: 5000 });
  const tip = await page.evaluate(() => document.querySelector('[data-nianbao-tip]').shadowRoot.textContent);
  assert.ok(tip?.includes(t33d.message), 'tooltip carries the message');
  for (const n of t33d.notes) assert.ok(tip.includes(n), `tooltip carries the note ${n}`);
  await shot(page, 'report-t3-3-tooltip');

  // Jump: the panel's button for T3-3 brings its cell into view and marks it current.
  await page.mouse.move(5, 5);
  await page.evaluate(() => window.scrollTo(0, 0));
  const panel = page.locator('[data-nianbao-panel] li.finding[data-code="T3-3"] button.locate');
  assert.match(await panel.textContent(), new RegExp(`第 ${g.table + 1} 个表格 · 第 ${g.row + 1} 行 · 第 ${g.col + 1} 列`));
  await panel.click();
  await page.waitForFunction(() => document.querySelector('[data-nianbao-current]'));
  assert.equal(await page.evaluate(() => document.querySelector('[data-nianbao-current]').getAttribute('data-nianbao-flag')), 'error');
  const inView = await page.evaluate(() => { const r = document.querySelector('[data-nianbao-current]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the cell is scrolled into view');

  // Exports: Markdown and JSON.
  const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-nianbao-panel] [data-action="markdown"]').click()]);
  const mdText = fs.readFileSync(await md.path(), 'utf8');
  assert.match(md.suggestedFilename(), /\.nianbao\.md$/);
  for (const d of e.result.diagnostics) assert.ok(mdText.includes(`\`${d.code}\` ${d.message}`), `Markdown lists ${d.code}`);
  const [js] = await Promise.all([page.waitForEvent('download'), page.locator('[data-nianbao-panel] [data-action="json"]').click()]);
  const json = JSON.parse(fs.readFileSync(await js.path(), 'utf8'));
  assert.deepEqual(json.diagnostics.map((d) => d.code).sort(), e.result.diagnostics.map((d) => d.code).sort());
  assert.equal(json.document.format, e.result.document.format);

  // Open in the full checker: the page packaged in the extension, preloaded with this report.
  const [full] = await Promise.all([context.waitForEvent('page'), page.locator('[data-nianbao-panel] [data-action="full"]').click()]);
  await full.waitForFunction(() => document.querySelector('[data-results]')?.dataset.state === 'done', null, { timeout: 30_000 });
  assert.ok(full.url().startsWith(`chrome-extension://${extId}/index.html?preload=`));
  const fullCodes = await full.evaluate(() => [...document.querySelectorAll('li.finding')].map((li) => `${li.dataset.code}:${li.dataset.severity}`).sort());
  assert.deepEqual(fullCodes, e.findings, 'the full checker finds the same');
  assert.equal(await full.evaluate(() => document.querySelector('[data-summary]').dataset.errors), String(e.result.summary.errors));
  await shot(full, 'full-checker-preloaded');
  await full.close();

  // Closing the panel removes it; the outlines stay.
  await page.locator('[data-nianbao-panel] button.close').click();
  assert.equal(await page.locator('[data-nianbao-panel]').count(), 0);
  assert.equal(await page.locator('[data-nianbao-flag]').count(), e.cells.length);
  await page.close();
});

test('the same page under a strict Content-Security-Policy (script-src \'self\')', async () => {
  const page = await checkReport('/csp.html', t33(), 'csp-strict');
  await page.close();
});

test('a GBK page (served as charset=gbk)', async () => {
  const page = await checkReport('/gbk.html', t33(), 'gbk');
  assert.equal(await page.evaluate(() => document.characterSet), 'GBK');
  await page.close();
});

test('hidden jammer spans in the cells are not read (inline style, <style> class, external style sheet class)', async () => {
  // The jammers would change the numbers if read: the engine on the markup with the hiding rules dropped differs.
  const jam = jammed(T33);
  const exposed = expected(jam.replace(/style="display:none"/g, '').replace('.jm{display:none}', ''));
  assert.notDeepEqual(exposed.findings, t33().findings, 'the fixture\'s jammers matter');
  const page = await checkReport('/jammed.html', t33(), 'jammers');
  await page.close();
});

test('a report inside an iframe: outlines in the frame, panel in the top page, jump across frames', async () => {
  const e = t33();
  const { page, errors } = await open('/frame.html');
  const frame = page.frame({ url: `${origin}/report.html` });
  await frame.waitForLoadState();
  const { answer, badge } = await clickAction(page);
  assert.equal(answer.report, true);
  assert.notEqual(answer.frameId, 0, 'the report is found in the frame');
  assert.equal(badge, e.badge);
  assert.deepEqual(await outlined(frame), e.cells, 'outlined cells in the frame');
  assert.deepEqual(await outlined(page.mainFrame()), [], 'nothing outlined in the top page');
  const panel = await panelFindings(page);
  assert.deepEqual(panel?.items, e.findings, 'the panel in the top page lists the findings');
  await page.locator('[data-nianbao-panel] li.finding[data-code="T3-3"] button.locate').click();
  await frame.waitForFunction(() => document.querySelector('[data-nianbao-current]'));
  await shot(page, 'iframe');
  await ownScriptStillWorks(frame, frame.locator('p').first());
  await ownScriptStillWorks(page.mainFrame(), page.locator('body > h2'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that is not a report: no badge, nothing injected', async () => {
  const { page, errors } = await open('/not-report.html');
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const { answer, badge } = await clickAction(page);
  assert.deepEqual(answer, { report: false });
  assert.equal(badge, '');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the DOM is unchanged');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-nianbao-panel],[data-nianbao-tip],[data-nianbao-flag]').length), 0);
  await ownScriptStillWorks(page.mainFrame(), page.locator('h1'));
  await shot(page, 'not-a-report');
  assert.deepEqual(errors, []);
  await page.close();
});

test('no network request of its own: the extension asked only for its own files', () => {
  const own = (u) => u.startsWith(`chrome-extension://${extId}/`) || u.startsWith('blob:') || u.startsWith('data:');
  // What Playwright sees of the extension's pages: only their own files (Playwright does not report the requests of
  // extension pages in this setup, so this part is weak; the code scan below is the real guard).
  const byExtension = requests.filter((r) => r.by.startsWith('chrome-extension://'));
  assert.deepEqual(byExtension.filter((r) => !own(r.url)), []);
  // The service worker and the offscreen document are not pages Playwright records, so their code is read instead:
  // the extension's own scripts hold no network API and no web address.
  for (const f of fs.readdirSync(path.join(ROOT, 'www', 'extension')).filter((n) => n.endsWith('.js'))) {
    const src = fs.readFileSync(path.join(ROOT, 'www', 'extension', f), 'utf8');
    assert.doesNotMatch(src, /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|https?:\/\//, `${f} makes no network request`);
  }
  assert.ok(requests.some((r) => r.url.startsWith(`${origin}/`)), 'the pages\' requests were recorded');
});

test('manifest: MV3, minimal permissions, wasm-unsafe-eval the only CSP relaxation, Firefox id, locales', () => {
  const m = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  assert.deepEqual(m.permissions.toSorted(), ['activeTab', 'offscreen', 'scripting', 'storage']);
  assert.equal(m.host_permissions, undefined, 'no host permission unless the user grants one');
  assert.ok(m.optional_host_permissions.includes('*://*.gov.cn/*'));
  assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.equal(m.background.service_worker, 'background.js');
  assert.deepEqual(m.background.scripts, ['background.js'], 'Firefox reads background.scripts');
  assert.ok(m.browser_specific_settings.gecko.id);
  assert.equal(m.default_locale, 'zh_CN');
  for (const loc of ['zh_CN', 'en']) {
    const msgs = JSON.parse(fs.readFileSync(path.join(EXT, '_locales', loc, 'messages.json'), 'utf8'));
    for (const k of JSON.stringify(m).match(/__MSG_(\w+)__/g).map((s) => s.slice(6, -2))) assert.ok(msgs[k]?.message, `${loc} has ${k}`);
  }
  for (const f of [...Object.values(m.icons), m.options_ui.page, m.background.service_worker]) assert.ok(fs.existsSync(path.join(EXT, f)), `${f} exists`);
  assert.equal(fs.readFileSync(path.join(EXT, 'checker.js'), 'utf8'), fs.readFileSync(path.join(ROOT, 'www', 'checker.js'), 'utf8'), 'the shared wrapper is copied, not forked');
});

test('the store zip holds the manifest, the engine and the page, and no source maps, types or tests', () => {
  const r = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', ZIP], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const names = r.stdout.trim().split('\n');
  for (const must of ['manifest.json', 'background.js', 'content.js', 'offscreen.html', 'checker.js', 'pkg/nianbao.js', 'pkg/nianbao_bg.wasm', 'index.html', 'app.js', '_locales/zh_CN/messages.json']) {
    assert.ok(names.includes(must), `zip has ${must}`);
  }
  assert.deepEqual(names.filter((n) => /\.map$|\.d\.ts$|(^|\/)tests?\/|\.test\.|\.py$|(^|\/)\./.test(n)), []);
});
