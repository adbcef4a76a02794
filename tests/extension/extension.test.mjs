// The browser extension (pkg/extension, assembled by scripts/build-web.sh from www/extension and wasm-pack.toml's
// [extension]) loaded unpacked into the system Chromium (playwright-core, headless), on fixture portal pages served
// on 127.0.0.1. The check is started as a person starts it: the toolbar button, through the DevTools protocol's
// Extensions.triggerAction on the tab (which grants activeTab exactly as a click does). The panel is read in the
// extension's own world (chrome.scripting from the service worker: the page, and Playwright's locators, cannot
// reach its closed shadow root) and clicked with real mouse events at its buttons' places.
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
// Pages whose report could not be checked in full (issue 15): tables as pictures, a page cut inside table 三, a news item.
const IMAGES = fs.readFileSync(path.join(FIX, 'images.html'), 'utf8');
const CUT = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'rules', 'P-10', 'invalid.html'), 'utf8');
const NEWS = fs.readFileSync(path.join(FIX, 'news.html'), 'utf8');
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
  '/images.html': { body: withOwnScript(IMAGES) },
  '/cut.html': { body: withOwnScript(CUT) },
  '/news.html': { body: withOwnScript(NEWS) },
  '/hostile.html': { body: withOwnScript(T33.replace('<head>', '<head><script src="/hostile.js"></script>')) },
  '/own.js': { body: fs.readFileSync(path.join(FIX, 'own.js')), type: 'text/javascript' },
  '/hostile.js': { body: fs.readFileSync(path.join(FIX, 'hostile.js')), type: 'text/javascript' },
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
 * sometimes has not reached the tab when executeScript runs ("Cannot access contents of the page", thrown by Chrome,
 * or by the service worker when Chrome skipped every frame); the click is then repeated once, as a person would.
 * Any other failure, or a second one, fails the test.
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

/**
 * What the panel (and the tooltip) show, read in the extension's own world through chrome.scripting: the page
 * cannot read them (closed shadow roots, words drawn as generated content), and neither can Playwright's locators.
 * With `point` (a selector in the panel), also where to click it: the element is scrolled into the panel's view.
 */
async function panelOf(tabId, point = null) {
  return sw.evaluate(async ([id, p]) => {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId: id, frameIds: [0] },
      func: (q) => globalThis.__nianbaoExtension?.inspect({ point: q }) ?? null,
      args: [p],
    });
    return r?.result ?? null;
  }, [tabId, point]);
}

/** The user clicks a panel element: a real (trusted) mouse click at its place. */
async function clickPanel(page, tabId, selector) {
  const p = await panelOf(tabId, selector);
  assert.ok(p?.point, `the panel has ${selector}`);
  await page.mouse.click(p.point.x, p.point.y);
}

async function badgeOf(tabId) {
  return sw.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
    color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
  }), tabId);
}

const GREEN = [29, 122, 52, 255]; // COLORS.ok in background.js

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
  const verdict = r.summary.verdict;
  return {
    result: r,
    verdict,
    badge: { fail: String(errors), pass: '✓', incomplete: '?', notReport: '' }[verdict],
    unchecked: r.summary.unchecked.map((u) => u.message),
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
  const { answer, badge, tabId } = await clickAction(page);
  assert.equal(answer.report, true, `${name}: seen as a report (${JSON.stringify(answer)})`);
  assert.equal(answer.frameId, 0, `${name}: the report is in the top frame`);
  assert.equal(answer.verdict, expect.verdict, `${name}: verdict`);
  assert.equal(badge, expect.badge, `${name}: badge`);
  assert.deepEqual(await outlined(page.mainFrame()), expect.cells, `${name}: outlined cells (table/row/col:severity)`);
  const panel = await panelOf(tabId);
  assert.ok(panel?.panel, `${name}: panel shown`);
  assert.deepEqual(panel.items.toSorted(), expect.findings, `${name}: the panel's findings`);
  assert.deepEqual(panel.messages.toSorted(), expect.messages.toSorted(), `${name}: the panel's messages`);
  assert.equal(panel.verdictCode, expect.verdict, `${name}: the panel's verdict`);
  assert.deepEqual(panel.unchecked.map((u) => u.message), expect.unchecked, `${name}: what the panel says could not be checked`);
  const order = panel.items.map((i) => ['error', 'warning', 'notice'].indexOf(i.split(':')[1]));
  assert.deepEqual(order, order.toSorted(), `${name}: errors first, then warnings, then notices`);
  if (expect.verdict !== 'pass') {
    assert.doesNotMatch(panel.text, /未发现问题|通过全部检查/, `${name}: never "no problems" unless everything passed`);
    assert.notDeepEqual((await badgeOf(tabId)).color, GREEN, `${name}: the badge is not the green of a pass`);
  }
  await shot(page, name);
  await ownScriptStillWorks(page.mainFrame(), page.locator('p').first());
  assert.deepEqual(errors.slice(pageOwn), [], `${name}: no page errors after the check`);
  return { page, tabId, panel };
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
  const { page } = await checkReport('/pingtan.html', e, 'word-export-pingtan');
  await page.close();
});

test('report page with a known error: outlined cell, tooltip with the arithmetic, jump, exports, full checker', async () => {
  const e = t33();
  const { page, tabId } = await checkReport('/report.html', e, 'report-t3-3');
  const t33d = e.result.diagnostics.find((d) => d.code === 'T3-3');
  const g = e.result.tables.requests.rows.granted.cells[6].grid;
  // The outlined cell shows the wrong number, and its tooltip the message and the arithmetic.
  const cell = page.locator('[data-nianbao-flag="error"]');
  assert.equal((await cell.textContent()).trim(), e.result.tables.requests.rows.granted.cells[6].raw);
  await cell.evaluate((td) => td.scrollIntoView({ block: 'center' }));
  await cell.hover();
  await page.waitForFunction(() => { const h = document.querySelector('[data-nianbao-tip]'); return h && !h.hidden; }, null, { timeout: 5000 });
  const tip = (await panelOf(tabId)).tip;
  assert.ok(tip?.includes(t33d.message), 'tooltip carries the message');
  for (const n of t33d.notes) assert.ok(tip.includes(n), `tooltip carries the note ${n}`);
  await shot(page, 'report-t3-3-tooltip');

  // Jump: the panel's button for T3-3 brings its cell into view and marks it current.
  await page.mouse.move(5, 5);
  await page.evaluate(() => window.scrollTo(0, 0));
  const panel = await panelOf(tabId);
  const locate = panel.locate[panel.items.findIndex((i) => i.startsWith('T3-3:'))];
  assert.match(locate, new RegExp(`第 ${g.table + 1} 个表格 · 第 ${g.row + 1} 行 · 第 ${g.col + 1} 列`));
  await clickPanel(page, tabId, 'li.finding[data-code="T3-3"] button.locate');
  await page.waitForFunction(() => document.querySelector('[data-nianbao-current]'));
  assert.equal(await page.evaluate(() => document.querySelector('[data-nianbao-current]').getAttribute('data-nianbao-flag')), 'error');
  const inView = await page.evaluate(() => { const r = document.querySelector('[data-nianbao-current]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the cell is scrolled into view');

  // Exports: Markdown and JSON, one download per click (a double click is one).
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  const [md] = await Promise.all([page.waitForEvent('download'), clickPanel(page, tabId, '[data-action="markdown"]')]);
  const mdText = fs.readFileSync(await md.path(), 'utf8');
  assert.match(md.suggestedFilename(), /\.nianbao\.md$/);
  for (const d of e.result.diagnostics) assert.ok(mdText.includes(`\`${d.code}\` ${d.message}`), `Markdown lists ${d.code}`);
  const json = await panelOf(tabId, '[data-action="json"]');
  const [js] = await Promise.all([page.waitForEvent('download'), page.mouse.dblclick(json.point.x, json.point.y)]);
  const data = JSON.parse(fs.readFileSync(await js.path(), 'utf8'));
  assert.deepEqual(data.diagnostics.map((d) => d.code).sort(), e.result.diagnostics.map((d) => d.code).sort());
  assert.equal(data.document.format, e.result.document.format);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(downloads.length, 2, 'a click and a double click: two downloads, not three');

  // Open in the full checker: the page packaged in the extension, handed one copy of this report; a double click
  // and a second click while it is open do not open more tabs.
  const handoffs = async () => Object.keys(await sw.evaluate(() => chrome.storage.session.get(null))).filter((k) => k.startsWith('preload:'));
  const opened = [];
  const onPage = (p) => opened.push(p);
  context.on('page', onPage);
  const button = await panelOf(tabId, '[data-action="full"]');
  const [full] = await Promise.all([context.waitForEvent('page'), page.mouse.dblclick(button.point.x, button.point.y)]);
  await full.waitForFunction(() => document.querySelector('[data-results]')?.dataset.state === 'done', null, { timeout: 30_000 });
  assert.ok(full.url().startsWith(`chrome-extension://${extId}/index.html?preload=`));
  const fullCodes = await full.evaluate(() => [...document.querySelectorAll('li.finding')].map((li) => `${li.dataset.code}:${li.dataset.severity}`).sort());
  assert.deepEqual(fullCodes, e.findings, 'the full checker finds the same');
  assert.equal(await full.evaluate(() => document.querySelector('[data-summary]').dataset.errors), String(e.result.summary.errors));
  await shot(full, 'full-checker-preloaded');
  assert.deepEqual(await handoffs(), [], 'the full checker deletes the copy as soon as it has read it');
  await page.bringToFront();
  await new Promise((r) => setTimeout(r, 1100)); // past the one-per-second limit: a real second click
  await clickPanel(page, tabId, '[data-action="full"]');
  await new Promise((r) => setTimeout(r, 800));
  context.off('page', onPage);
  assert.equal(opened.length, 1, 'one full checker tab for a double click and a later click on the same check');
  assert.equal((await handoffs()).length <= 1, true, 'at most one copy handed over');
  await full.close();
  await sw.evaluate(async () => { for (let i = 0; i < 100 && Object.keys(await chrome.storage.session.get(null)).some((k) => k.startsWith('preload:')); i++) await new Promise((r) => setTimeout(r, 20)); });
  assert.deepEqual(await handoffs(), [], 'the copy is deleted with the full checker\'s tab');

  // Closing the panel removes it; the outlines stay.
  await clickPanel(page, tabId, 'button.close');
  assert.equal(await page.locator('[data-nianbao-panel]').count(), 0);
  assert.equal(await page.locator('[data-nianbao-flag]').count(), e.cells.length);
  await page.close();
});

test('Escape closes the panel (a real key press; the tooltip first when it is shown)', async () => {
  const { page, tabId } = await checkReport('/report.html', t33(), 'report-escape');
  const cell = page.locator('[data-nianbao-flag="error"]');
  await cell.evaluate((td) => td.scrollIntoView({ block: 'center' }));
  await cell.hover();
  await page.waitForFunction(() => document.querySelector('[data-nianbao-tip]')?.style.display === 'block', null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  const after = await panelOf(tabId);
  assert.equal(after.tip, null, 'the first Escape hides the tooltip');
  assert.equal(after.panel, true, '…and leaves the panel');
  // The panel is still there for assistive technology (its words are generated content, which Chromium exposes).
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const named = nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}:${n.name?.value ?? ''}`);
  for (const want of ['dialog:年报检查', 'button:导出 Markdown', 'button:在完整检查页中打开', 'button:关闭', 'StaticText:错误 1 个，警告 1 个，提示 0 个']) {
    assert.ok(named.includes(want), `the accessibility tree has ${want}`);
  }
  await cdp.detach();
  await page.keyboard.press('Escape');
  assert.equal((await panelOf(tabId)).panel, false, 'the second closes the panel');
  assert.equal(await page.locator('[data-nianbao-panel]').count(), 0);
  await page.close();
});

test('the copy handed to the full checker never piles up: one at a time, gone when its tab leaves the full checker, or after 60 s', async () => {
  const { page, tabId } = await checkReport('/report.html', t33(), 'report-handoff');
  const handoffs = async () => Object.entries(await sw.evaluate(() => chrome.storage.session.get(null))).filter(([k]) => k.startsWith('preload:'));
  const gone = () => sw.evaluate(async () => { for (let i = 0; i < 100 && Object.keys(await chrome.storage.session.get(null)).some((k) => k.startsWith('preload:')); i++) await new Promise((r) => setTimeout(r, 20)); });
  const openFull = async () => {
    await page.bringToFront();
    const [tab] = await Promise.all([context.waitForEvent('page'), clickPanel(page, tabId, '[data-action="full"]')]);
    await tab.waitForFunction(() => document.querySelector('[data-results]')?.dataset.state === 'done', null, { timeout: 30_000 });
    return tab;
  };
  // The first hand-off: at most one copy, with its expiry.
  const a = await openFull();
  const first = await handoffs();
  assert.ok(first.length <= 1, 'one copy at most');
  for (const [, v] of first) assert.ok(v.expires > Date.now() && v.expires <= Date.now() + 60_000, 'it expires within 60 s');
  // The full checker's tab goes elsewhere: its copy goes too.
  await a.goto('about:blank');
  await gone();
  assert.deepEqual(await handoffs(), [], 'the copy is gone once its tab left the full checker');
  // A new check of the page and a new hand-off: again one copy, and the 60 s expiry removes it.
  await clickAction(page);
  const b = await openFull();
  assert.ok((await handoffs()).length <= 1, 'one copy at most after a second hand-off');
  await sw.evaluate(() => globalThis.nianbao.expireHandoffs(Date.now() + 61_000));
  assert.deepEqual(await handoffs(), [], 'a copy is never kept past its 60 s');
  await a.close();
  await b.close();
  await page.close();
});

test('the same page under a strict Content-Security-Policy (script-src \'self\')', async () => {
  const { page } = await checkReport('/csp.html', t33(), 'csp-strict');
  await page.close();
});

test('a GBK page (served as charset=gbk)', async () => {
  const { page } = await checkReport('/gbk.html', t33(), 'gbk');
  assert.equal(await page.evaluate(() => document.characterSet), 'GBK');
  await page.close();
});

test('hidden jammer spans in the cells are not read (inline style, <style> class, external style sheet class)', async () => {
  // The jammers would change the numbers if read: the engine on the markup with the hiding rules dropped differs.
  const jam = jammed(T33);
  const exposed = expected(jam.replace(/style="display:none"/g, '').replace('.jm{display:none}', ''));
  assert.notDeepEqual(exposed.findings, t33().findings, 'the fixture\'s jammers matter');
  const { page } = await checkReport('/jammed.html', t33(), 'jammers');
  await page.close();
});

test('a report inside an iframe: outlines in the frame, panel in the top page, jump across frames', async () => {
  const e = t33();
  const { page, errors } = await open('/frame.html');
  const frame = page.frame({ url: `${origin}/report.html` });
  await frame.waitForLoadState();
  const { answer, badge, tabId } = await clickAction(page);
  assert.equal(answer.report, true);
  assert.notEqual(answer.frameId, 0, 'the report is found in the frame');
  assert.equal(badge, e.badge);
  assert.deepEqual(await outlined(frame), e.cells, 'outlined cells in the frame');
  assert.deepEqual(await outlined(page.mainFrame()), [], 'nothing outlined in the top page');
  const panel = await panelOf(tabId);
  assert.deepEqual(panel?.items.toSorted(), e.findings, 'the panel in the top page lists the findings');
  await clickPanel(page, tabId, 'li.finding[data-code="T3-3"] button.locate');
  await frame.waitForFunction(() => document.querySelector('[data-nianbao-current]'));
  await shot(page, 'iframe');
  await ownScriptStillWorks(frame, frame.locator('p').first());
  await ownScriptStillWorks(page.mainFrame(), page.locator('body > h2'));
  assert.deepEqual(errors, []);
  await page.close();
});

/** A page that is not a report, after the user's click: no badge, no marks, the page untouched but for the panel, which says so. */
async function notAReport(p, name) {
  const { page, errors } = await open(p);
  const before = await page.evaluate(() => document.body.outerHTML);
  const { answer, badge, tabId } = await clickAction(page);
  assert.deepEqual(answer, { report: false, verdict: 'notReport' }, `${name}: not a report`);
  assert.equal(badge, '', `${name}: no badge`);
  assert.match((await badgeOf(tabId)).title, /不是年度报告.*not an annual report/, `${name}: the button's title says so`);
  assert.equal(await page.evaluate(() => document.body.outerHTML), before, `${name}: the page is unchanged`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-nianbao-flag],[data-nianbao-tip]').length), 0, `${name}: no marks`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-nianbao-panel]').length), 1, `${name}: the panel`);
  const panel = await panelOf(tabId);
  assert.equal(panel.verdictCode, 'notReport');
  assert.equal(panel.verdict, '此页不像政府信息公开工作年度报告，未作检查', `${name}: the panel says the page is not a report`);
  assert.doesNotMatch(panel.text, /未发现问题|通过全部检查/);
  assert.ok(panel.items.includes('P-9:warning'), `${name}: with the engine's finding P-9 (${panel.items})`);
  assert.deepEqual(panel.buttons, ['close'], `${name}: nothing to export or open`);
  assert.deepEqual(await sw.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId), {}, `${name}: nothing stored`);
  await ownScriptStillWorks(page.mainFrame(), page.locator('h1'));
  await shot(page, name);
  assert.deepEqual(errors, []);
  await page.close();
}

test('a page that is not a report (办事指南 with a table): the panel says so; no badge, no marks', () => notAReport('/not-report.html', 'not-a-report'));

test('a news item about annual reports: the panel says it is not a report (issue 15, issue 19)', () => notAReport('/news.html', 'news-not-a-report'));

test('a report whose tables are pictures: checked on the click, "?" badge, the panel says the tables could not be read (issue 15)', async () => {
  const e = expected(IMAGES);
  assert.equal(e.verdict, 'incomplete', 'the engine cannot check this report in full');
  assert.equal(e.result.summary.errors, 0);
  assert.deepEqual(e.result.summary.unchecked.map((u) => `${u.part}:${u.reason}`), ['active:notFound', 'requests:notFound', 'reviewLitigation:notFound']);
  const { page, tabId, panel } = await checkReport('/images.html', e, 'tables-as-images');
  const b = await badgeOf(tabId);
  assert.equal(b.text, '?');
  assert.match(b.title, /未发现错误，但有 3 处未能检查.*3 part\(s\) could not be checked/);
  assert.match(panel.verdict, /^未发现错误，但有部分内容未能检查/);
  for (const u of panel.unchecked) assert.match(u.message, /可能以图片或附件发布/, 'each table: it may have been published as a picture');
  assert.ok(panel.outcomes.includes('needsReview') && /待核对/.test(panel.text), 'the P-1 findings are marked as needing review');
  await page.close();
});

test('a report page cut inside table 三: "?" badge, the cut and the unchecked parts in the panel, the cells read still outlined (issue 15)', async () => {
  const e = expected(CUT);
  assert.equal(e.verdict, 'incomplete');
  assert.equal(e.result.document.cut?.table, 'requests', 'the fixture stops inside table 三');
  const { page, tabId, panel } = await checkReport('/cut.html', e, 'cut-in-table-3');
  assert.equal((await badgeOf(tabId)).text, '?');
  assert.deepEqual(panel.unchecked.map((u) => `${u.part}:${u.reason}`), e.result.summary.unchecked.map((u) => `${u.part}:${u.reason}`));
  assert.ok(panel.unchecked.some((u) => u.part === 'reviewLitigation'), 'table 四, after the cut, is listed as not checked');
  assert.ok(panel.items.includes('P-10:warning'), 'the finding that the text is cut short');
  await page.close();
});

test('a hostile page cannot find, read or drive the panel: no tab, no stored copy, no download (issue 16, item 12)', async (t) => {
  const { page } = await open('/hostile.html');
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const opened = [];
  const onPage = (p) => opened.push(p.url());
  context.on('page', onPage);
  const tabsBefore = await sw.evaluate(async () => (await chrome.tabs.query({})).length);
  const stored = () => sw.evaluate(() => chrome.storage.session.get(null));
  const keysBefore = Object.keys(await stored());

  // The user's one click on the toolbar button; then the mouse passes over the panel (events from inside it).
  const { answer, tabId } = await clickAction(page);
  assert.equal(answer.report, true, 'the report is checked');
  const box = await page.evaluate(() => {
    const r = document.querySelector('[data-nianbao-panel]')?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
  });
  // (Before issue 16 the page's synthetic click on × could have closed it already.)
  if (box) for (let i = 0; i < 8; i++) await page.mouse.move(box.x + box.w / 2, box.y + 10 + (i * box.h) / 8);
  // …and over the outlined cell, which shows the tooltip (the page tries that too).
  const cell = page.locator('[data-nianbao-flag="error"]');
  if (await cell.count()) {
    await cell.evaluate((td) => td.scrollIntoView({ block: 'center' }));
    await cell.hover();
    await page.waitForFunction(() => document.querySelector('[data-nianbao-tip]')?.style.display === 'block', null, { timeout: 5000 });
  }
  // The page's script attacks in rounds (every 200 ms once the panel is there): five more, then its report.
  const rounds = () => page.evaluate(() => Number(document.documentElement.getAttribute('data-hostile-rounds')));
  const now = await rounds();
  await page.waitForFunction((n) => Number(document.documentElement.getAttribute('data-hostile-rounds')) >= n, Math.max(now + 5, 10), { timeout: 15_000 });
  await page.mouse.move(5, 5);
  await page.evaluate(() => document.documentElement.setAttribute('data-hostile-stop', ''));
  const report = JSON.parse(await (await page.waitForFunction(() => document.documentElement.getAttribute('data-hostile-report'))).jsonValue());
  await new Promise((r) => setTimeout(r, 1500)); // whatever the synthetic events started has landed by now
  context.off('page', onPage);
  await shot(page, 'hostile-page');

  const keys = Object.keys(await stored()).filter((k) => !keysBefore.includes(k));
  t.diagnostic(`what the page got: ${JSON.stringify({ tabs: opened.length, downloads: downloads.length, stored: keys, ...report })}`);
  // The attack was real: the page saw the extension's elements and fired hundreds of events at them.
  assert.ok(report.hosts >= 2, `the page found the panel's and the tooltip's host elements (${report.hosts})`);
  assert.ok(report.synthetic.clicks >= 100 && report.synthetic.keys >= 10, `synthetic events dispatched: ${JSON.stringify(report.synthetic)}`);
  // What it got: nothing.
  assert.deepEqual(opened, [], 'no tab was opened');
  assert.equal(await sw.evaluate(async () => (await chrome.tabs.query({})).length), tabsBefore, 'the number of tabs is unchanged');
  assert.deepEqual(downloads, [], 'no download was started');
  assert.deepEqual(keys.filter((k) => k !== `tab:${tabId}`), [], 'nothing was stored in chrome.storage.session beyond the state of the check the user asked for');
  const own = (await stored())[`tab:${tabId}`];
  assert.ok(!own || !('html' in own), 'and that state holds no copy of the page');
  assert.equal(report.shadowRoots, 0, 'no shadow root of the extension is reachable from the page');
  assert.equal(report.hookedRoots, 0, 'the page\'s own attachShadow never saw the extension\'s roots');
  assert.deepEqual(report.reached, [], 'no node inside the panel or tooltip reached the page');
  assert.deepEqual(report.text, [], 'no panel text was read by the page');
  assert.deepEqual(report.found, [], 'window.find matched none of the panel\'s words');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-nianbao-panel]').length), 1, 'the synthetic close and Escape did not close the panel');

  await page.close();
  // Closing the tab drops its state: nothing at all is left in session storage.
  const left = async () => Object.keys(await stored()).filter((k) => k === `tab:${tabId}` || k.startsWith('preload:'));
  for (let i = 0; i < 100 && (await left()).length; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(await left(), [], 'nothing of this tab is left in chrome.storage.session once it is closed, and no copy of any page');
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
