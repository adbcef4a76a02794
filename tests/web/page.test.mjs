// The page, driven as a person would in the system Chromium (playwright-core): paste, drop, click, type,
// toggle, read. Expectations come from the same engine run as a Node module (pkg/nodejs), or from facts read off
// the reports. Screenshots go to target/web-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as h from './helpers.mjs';

let server;
let browser;
const engine = () => h.nodeEngine();

before(async () => {
  server = await h.serve();
  browser = await h.launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the page; the returned `done()` asserts no request left the origin and nothing failed, then closes. */
async function open(options = {}) {
  const { context, page, log } = await h.openPage(browser, server.origin, options);
  await h.ready(page);
  return {
    page, log, context,
    async done() {
      assert.deepEqual(log.foreign(), [], 'every request stays on the page origin');
      // Parsing a report's HTML with DOMParser (the engine and the page both do) makes Chromium log a CSP
      // violation for each inline style or handler in it: the document is inert and nothing is applied or run
      // (the XSS test proves it), so those reports are not failures. Anything else is.
      const inert = /^(Applying inline style|Executing inline event handler) violates the following Content Security Policy/;
      assert.deepEqual(log.errors.filter((e) => !inert.test(e)), [], 'no page or console errors');
      await context.close();
    },
  };
}

const sevOf = (s) => (['error', 'warning', 'notice'].includes(s) ? s : 'notice');

/** The page shows what the engine says: format, year, findings, and every cell with its status. */
function assertMatches(shown, expected, what) {
  assert.equal(shown.state, 'done', `${what}: checked`);
  assert.equal(shown.format, expected.document.format, `${what}: data-format`);
  assert.equal(shown.year, String(expected.document.year ?? ''), `${what}: data-year`);
  const codes = (list) => list.map((d) => `${d.code}:${sevOf(d.severity)}`).sort();
  assert.deepEqual(codes(shown.findings), codes(expected.diagnostics), `${what}: findings`);
  const diag = expected.diagnostics;
  for (const [table, row, col, cell] of h.expectedCells(expected)) {
    const td = shown.cells.find((c) => c.table === table && c.row === row && c.col === col);
    assert.ok(td, `${what}: cell ${table}/${row}/${col} drawn`);
    assert.equal(td.text, cell ? (cell.raw === '' ? '空' : cell.raw) : '缺', `${what}: text of ${table}/${row}/${col}`);
    const on = diag.filter((d) => d.cell && d.cell.table === table && d.cell.row === row && d.cell.column === col).map((d) => d.severity);
    const status = on.includes('error') ? 'error' : on.includes('warning') ? 'warning' : cell?.kind === 'number' ? 'ok' : 'blank';
    assert.equal(td.status, status, `${what}: data-status of ${table}/${row}/${col}`);
  }
  const req = expected.tables.requests;
  if (req) {
    const rows = new Set(shown.cells.filter((c) => c.table === 'requests').map((c) => c.row));
    for (const key of Object.keys(req.rows)) assert.ok(rows.has(key), `${what}: row ${key} drawn`);
    assert.equal([...rows].filter((r) => r.startsWith('extra:')).length, req.extraRows.length, `${what}: the report's own rows drawn`);
  }
}

test('each seed report with tables, pasted as text, shows what the engine finds', async () => {
  const { page, done } = await open();
  for (const seed of h.SEEDS_WITH_TABLES) {
    const text = h.corpus(seed);
    await h.paste(page, { text });
    await h.settled(page);
    const shown = await h.shown(page);
    assert.equal(shown.input, text, 'the textarea holds the pasted text');
    const expected = engine().check(text, { kind: 'text' });
    assertMatches(shown, expected, `${seed} (text)`);
    await h.screenshot(page, `paste-text-${path.basename(seed, '.txt')}`);
  }
  // Facts read off the reports themselves.
  await h.paste(page, { text: h.corpus('seeds/004_046dc01fb9bbe87a.txt') });
  await h.settled(page);
  const s = await h.shown(page);
  assert.equal(s.format, '2021');
  assert.equal(s.year, '2023');
  assert.equal(s.fields.agency, '漳州古雷港经济开发区');
  const row = (key) => s.cells.filter((c) => c.table === 'requests' && c.row === key).map((c) => c.text);
  assert.deepEqual(row('new'), ['11', '0', '0', '0', '0', '0', '11'], 'seed 004: 一、本年新收 | 11 | 0 | 0 | 0 | 0 | 0 | 11');
  assert.deepEqual(row('unable_not_held'), ['10', '0', '0', '0', '0', '0', '10']);
  const active = s.cells.filter((c) => c.table === 'active' && c.row === 'licensing').map((c) => c.text);
  assert.deepEqual(active, ['1493'], 'seed 004: 行政许可 | 1493');
  assert.equal(s.cells.filter((c) => c.table === 'reviewLitigation').length, 15);
  await done();
});

test('each seed report pasted as HTML (a paste event carrying text/html) is checked as HTML', async () => {
  const { page, done } = await open();
  for (const seed of h.SEEDS_WITH_TABLES) {
    const text = h.corpus(seed);
    const html = h.textToHtml(text);
    await h.paste(page, { text, html });
    await h.settled(page);
    const shown = await h.shown(page);
    const expected = engine().check(html, { kind: 'html' });
    assert.equal(expected.document.inputKind, 'html');
    assertMatches(shown, expected, `${seed} (html)`);
    assert.equal(shown.input, text, 'the textarea shows the text of what is checked');
    assert.ok(await page.isVisible('[data-action="as-text"]'), 'the page says HTML is checked and offers the text instead');
    await h.screenshot(page, `paste-html-${path.basename(seed, '.txt')}`);
  }
  // Editing the shown text switches to checking the text.
  await page.focus('[data-input]');
  await page.keyboard.press('End');
  await page.keyboard.type('。');
  await h.settled(page);
  const value = await page.inputValue('[data-input]');
  assertMatches(await h.shown(page), engine().check(value, { kind: 'text' }), 'edited after an HTML paste');
  assert.equal(await page.isVisible('[data-action="as-text"]'), false);
  await done();
});

test('a wrong cell is marked; clicking its finding highlights the cell and selects it in the text', async () => {
  const { page, done } = await open();
  const seed = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
  // Seed 004: "（一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0": the natural-person cell made 3 breaks its row and column.
  const base = engine().check(seed, { kind: 'text' });
  const cell = base.tables.requests.rows.granted.cells[0];
  assert.equal(seed.slice(cell.offset, cell.offset + cell.length), '0');
  const text = seed.slice(0, cell.offset) + '3' + seed.slice(cell.offset + cell.length);
  await h.paste(page, { text });
  await h.settled(page);
  const expected = engine().check(text, { kind: 'text' });
  assertMatches(await h.shown(page), expected, 'seed 004 with a wrong cell');
  const finding = expected.diagnostics.find((d) => d.severity === 'error' && d.cell?.row === 'granted' && d.cell.column === 0);
  assert.ok(finding, 'the engine reports an error at the changed cell');
  const td = 'td[data-table="requests"][data-row="granted"][data-col="0"]';
  assert.equal(await page.getAttribute(td, 'data-status'), 'error');

  await page.click(`[data-code="${finding.code}"][data-severity="error"] .message`);
  assert.ok(await page.$eval(td, (el) => el.classList.contains('current')), 'the cell is highlighted');
  const sel = await page.$eval('[data-input]', (el) => [el.selectionStart, el.selectionEnd, el.value.slice(el.selectionStart, el.selectionEnd)]);
  assert.deepEqual(sel, [finding.offset, finding.offset + finding.length, '3'], 'the source text of the finding is selected');
  // The arithmetic shows on keyboard focus.
  await page.focus(td);
  const tip = await page.$eval('[data-tooltip]', (el) => (el.hidden ? '' : el.textContent));
  assert.ok(tip.includes(finding.code) && finding.notes.every((n) => tip.includes(n)), `tooltip shows the finding and its notes: ${tip}`);
  await h.screenshot(page, 'finding-located');

  // Copy findings (Markdown) and download the JSON.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('[data-action="copy"]');
  await page.waitForSelector('[data-copy-note]:not([hidden])');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(md.startsWith('# 检查结果'), md.slice(0, 40));
  for (const d of expected.diagnostics) assert.ok(md.includes(`\`${d.code}\` ${d.message}`), `Markdown lists ${d.code}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')]);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(json.diagnostics.map((d) => d.code), expected.diagnostics.map((d) => d.code));
  assert.deepEqual(json.tables.requests.rows.granted.values, expected.tables.requests.rows.granted.values);
  await done();
});

test('dropping a GBK .html file and a .docx reads and checks them', async () => {
  const { page, done } = await open();
  const gbk = fs.readFileSync(path.join(h.FIXTURES, 'gulei-2023-gbk.html'));
  await h.dropFile(page, 'gulei-2023-gbk.html', gbk, 'text/html');
  await h.settled(page);
  let s = await h.shown(page);
  const decoded = new TextDecoder('gbk').decode(gbk);
  assertMatches(s, engine().check(decoded, { kind: 'html' }), 'GBK html');
  assert.equal(s.fields.agency, '漳州古雷港经济开发区', 'GBK decoded');
  assert.ok(s.input.includes('漳州古雷港经济开发区2023年政府信息公开工作年度报告'), 'the textarea shows the decoded text');
  assert.ok((await page.textContent('[data-source-text]')).includes('GB'), 'the encoding is named');
  await h.screenshot(page, 'drop-gbk-html');

  const docx = fs.readFileSync(path.join(h.FIXTURES, 'report-2021.docx'));
  await h.dropFile(page, 'report-2021.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await h.settled(page);
  s = await h.shown(page);
  // tests/fixtures/rules/_base/report-2021.txt, which the .docx holds: a correct 2021-format report for 2023.
  assert.equal(s.format, '2021');
  assert.equal(s.year, '2023');
  assert.equal(s.fields.agency, '示例区人民政府');
  assert.deepEqual(s.findings, [], 'the correct report passes');
  assert.match(s.verdict, /通过全部检查/);
  assert.equal(s.verdictState, 'pass');
  assert.deepEqual(s.unchecked, []);
  const row = (key) => s.cells.filter((c) => c.table === 'requests' && c.row === key).map((c) => c.text);
  assert.deepEqual(row('new'), ['10', '1', '0', '0', '1', '0', '12']);
  assert.deepEqual(row('total'), ['11', '1', '0', '0', '1', '0', '13']);
  assert.deepEqual(s.cells.filter((c) => c.table === 'active' && c.row === 'normative_documents').map((c) => c.text), ['3', '1', '25']);
  assert.ok(s.cells.every((c) => c.status === 'ok'), 'every cell ok');
  await h.screenshot(page, 'drop-docx');

  // Unreadable bytes: a clear message, and the page goes on working.
  await h.dropFile(page, 'junk.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'text/html');
  await h.settled(page);
  s = await h.shown(page);
  assert.equal(s.state, 'error');
  assert.match(s.message, /无法读取文件：junk\.html/);
  await done();
});

// ---- what could not be checked (issue 15): tables published as images, a news item, a text cut short ----------

const repo = h.repo;
const { UNCHECKED_INPUTS, PASSES } = h;

/** The page shows the engine's verdict and lists what it could not check, here and beside each table. */
function assertUnchecked(s, expected, input, what) {
  const v = expected.summary.verdict;
  assert.equal(v, input.verdict, `${what}: the engine's verdict`);
  assert.equal(s.verdictState, v, `${what}: data-verdict`);
  assert.doesNotMatch(s.text, PASSES, `${what}: the page never says it passes`);
  assert.doesNotMatch(s.announce, PASSES, `${what}: nor does the announcement`);
  const listed = expected.summary.unchecked.filter((u) => u.reason !== 'notReport');
  assert.deepEqual(s.unchecked.map((u) => u.part), listed.map((u) => u.part), `${what}: data-unchecked items`);
  listed.forEach((u, i) => {
    assert.ok(s.unchecked[i].text.includes(u.message), `${what}: unchecked item ${i} says “${u.message}”`);
    assert.equal(s.unchecked[i].reason, u.reason);
    assert.ok(s.announce.includes(u.message), `${what}: the announcement says “${u.message}”`);
  });
  if (v === 'notReport') {
    assert.match(s.verdict, /这段文字看起来不是政府信息公开工作年度报告，未作检查|does not look like an annual report/);
    assert.ok(s.tablesHidden, `${what}: no tables are shown for a text that is not a report`);
  } else {
    assert.match(s.verdict, /未发现错误，但以下内容未能检查|No errors found, but these parts could not be checked/);
    assert.ok(!s.tablesHidden, `${what}: the tables are shown`);
  }
  for (const part of input.tables) {
    const notes = s.tableNotes.filter((n) => n.part === part);
    assert.equal(notes.length, 1, `${what}: table ${part} says it was not checked`);
    for (const u of listed.filter((x) => x.part === part)) assert.ok(notes[0].text.includes(u.message), `${what}: table ${part} note says “${u.message}”`);
  }
  assert.deepEqual(s.tableNotes.map((n) => n.part).sort(), [...input.tables].sort(), `${what}: only the tables not checked carry a note`);
}

test('reports that cannot be checked in full never pass: pasted as text and as HTML, Chinese and English', async () => {
  const { page, done } = await open();
  for (const input of UNCHECKED_INPUTS) {
    const { text, html } = h.inputOf(input);
    await h.paste(page, { text });
    await h.settled(page);
    let s = await h.shown(page);
    let expected = engine().check(text, { kind: 'text' });
    assertMatches(s, expected, `${input.name} (text)`);
    assertUnchecked(s, expected, input, `${input.name} (text)`);
    await h.screenshot(page, `unchecked-text-${input.name.replace(/\W+/g, '-')}`);

    await h.paste(page, { text, html });
    await h.settled(page);
    s = await h.shown(page);
    expected = engine().check(html, { kind: 'html' });
    assertMatches(s, expected, `${input.name} (HTML)`);
    assertUnchecked(s, expected, input, `${input.name} (HTML)`);
  }

  // The rows of table 三 after the cut are drawn as not in the text, not as blank cells of a correct table.
  const cut = repo('tests/fixtures/rules/P-10/invalid.txt');
  await h.paste(page, { text: cut });
  await h.settled(page);
  let s = await h.shown(page);
  const expected = engine().check(cut, { kind: 'text' });
  assert.ok(Object.keys(expected.tables.requests.rows).length > 0, 'the rows before the cut are read');
  assert.ok(s.missingRows.length > 0, 'the rows after the cut are marked as missing');
  for (const key of s.missingRows) {
    const [table, row] = key.split('/');
    assert.equal(table, 'requests');
    assert.ok(!(row in expected.tables.requests.rows), `row ${row} is not in the contract but drawn as missing`);
  }
  // Where the text stops is named, and its button selects that place in the text.
  const c = expected.document.cut;
  assert.ok(c && c.table === 'requests', 'the engine says the text stops inside table 三');
  assert.ok(s.unchecked.some((u) => u.text.includes(`第 ${c.line} 行第 ${c.column} 列`)), 'the cut is located');
  await page.click('[data-unchecked] button.locate');
  const at = await page.$eval('[data-input]', (el) => el.selectionStart);
  assert.equal(at, c.offset, 'the button selects where the text stops');

  // Copying the findings says the same as the page.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('[data-action="copy"]');
  await page.waitForSelector('[data-copy-note]:not([hidden])');
  let md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /- 结论：未发现错误，但以下内容未能检查/);
  for (const u of expected.summary.unchecked) assert.ok(md.includes(`  - ${u.message}`), `Markdown lists “${u.message}”`);
  assert.doesNotMatch(md, PASSES, 'the Markdown never says it passes');

  // English: the page's words and the engine's messages.
  await page.click('[data-action="lang"]');
  await h.settled(page);
  s = await h.shown(page);
  const en = engine().check(cut, { kind: 'text', lang: 'en' });
  assertUnchecked(s, en, UNCHECKED_INPUTS[2], 'cut, English');
  assert.match(s.unchecked[0].text, /the text stops at line \d+, column \d+/);
  await page.click('[data-action="copy"]');
  await page.waitForFunction(() => document.querySelector('[data-copy-note]').textContent === 'Findings copied.');
  md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /- Verdict: No errors found, but these parts could not be checked/);
  for (const u of en.summary.unchecked) assert.ok(md.includes(`  - ${u.message}`), `English Markdown lists “${u.message}”`);
  const news = repo('tests/fixtures/coverage/news.txt');
  await h.paste(page, { text: news });
  await h.settled(page);
  s = await h.shown(page);
  assertUnchecked(s, engine().check(news, { kind: 'text', lang: 'en' }), UNCHECKED_INPUTS[1], 'news, English');
  await h.screenshot(page, 'unchecked-news-english');
  await page.click('[data-action="lang"]');
  await h.settled(page);

  // A correct report still passes, with nothing listed as unchecked.
  const base = repo('tests/fixtures/rules/_base/report-2021.txt');
  await h.paste(page, { text: base });
  await h.settled(page);
  s = await h.shown(page);
  assert.equal(s.verdictState, 'pass');
  assert.match(s.verdict, /通过全部检查/);
  assert.deepEqual(s.unchecked, []);
  assert.deepEqual(s.tableNotes, []);
  assert.deepEqual(s.missingRows, []);
  assert.match(s.announce, /通过全部检查/);
  await page.click('[data-action="copy"]');
  await page.waitForFunction(() => !document.querySelector('[data-copy-note]').hidden);
  md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /- 结论：通过全部检查，未发现问题。/);
  assert.match(md, /\n未发现问题。/);
  await done();
});

test('a report with an error and parts not checked says both', async () => {
  const { page, done } = await open();
  // The P-10 fixture cut inside table 三, with one number of a row that is there made wrong.
  const cut = repo('tests/fixtures/rules/P-10/invalid.txt');
  const base = engine().check(cut, { kind: 'text' });
  const cell = base.tables.requests.rows.new.cells[6];
  const text = cut.slice(0, cell.offset) + String(cell.value + 5) + cut.slice(cell.offset + cell.length);
  await h.paste(page, { text });
  await h.settled(page);
  const s = await h.shown(page);
  const expected = engine().check(text, { kind: 'text' });
  assert.equal(expected.summary.verdict, 'fail', 'the engine finds the error');
  assert.ok(expected.summary.unchecked.length > 0);
  assertMatches(s, expected, 'cut with an error');
  assert.equal(s.verdictState, 'fail');
  assert.match(s.verdict, /^错误 \d+ 个，警告 \d+ 个，提示 \d+ 个。以下内容也未能检查：$/);
  assert.deepEqual(s.unchecked.map((u) => u.part), expected.summary.unchecked.map((u) => u.part));
  assert.doesNotMatch(s.text, PASSES);
  await done();
});

test('language and theme toggle, are remembered, and the page reads right in each', async () => {
  const { page, done } = await open();
  const text = h.corpus('seeds/000_6a976b2651f86c68.txt');
  await h.paste(page, { text });
  await h.settled(page);
  await page.click('[data-action="lang"]');
  await h.settled(page);
  let s = await h.shown(page);
  const en = engine().check(text, { kind: 'text', lang: 'en' });
  assertMatches(s, en, 'English');
  for (const d of en.diagnostics) assert.ok(s.findings.some((f) => f.text.includes(d.message)), `English message of ${d.code}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Annual report on government information disclosure: checker');
  assert.equal(s.fields.format, '2021 format');
  await h.screenshot(page, 'english');

  await page.click('[data-action="theme"]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('[data-action="theme"]', 'aria-pressed'), 'true');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(24, 24, 26)');
  await h.screenshot(page, 'english-dark');

  await page.reload();
  await h.ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'language remembered');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'theme remembered');
  await page.click('[data-action="lang"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('h1'), '政府信息公开工作年度报告检查');
  await done();

  // With no stored choice, the system's dark scheme is followed.
  const dark = await open({ colorScheme: 'dark' });
  assert.equal(await dark.page.getAttribute('html', 'data-theme'), 'dark');
  await dark.done();
});

test('a report full of markup runs nothing, pasted, as HTML, or dropped', async () => {
  const { page, log, done } = await open();
  const xss = fs.readFileSync(path.join(h.FIXTURES, 'xss-report.txt'), 'utf8');
  const probe = async (what) => {
    await h.settled(page);
    const s = await h.shown(page);
    assert.equal(s.state, 'done', `${what}: checked`);
    await page.mouse.move(5, 5);
    for (const el of await page.$$('td, .finding, dd')) await el.hover().catch(() => {});
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__xss), undefined, `${what}: no script ran`);
    assert.equal(await page.$$eval('img, script:not([src]), iframe, svg, a[href^="javascript:" i]', (els) => els.length), 0, `${what}: no element from the report`);
    assert.deepEqual(log.dialogs, [], `${what}: no dialog`);
    assert.ok(!log.requests.some((u) => /\/x$/.test(u)), `${what}: no image loaded`);
  };
  await h.paste(page, { text: xss });
  await probe('pasted text');
  await h.paste(page, { text: 'ignored', html: `<html><body><p>${xss.replace(/\n/g, '</p><p>')}</p></body></html>` });
  await probe('pasted HTML');
  await page.click('[data-source-view] summary');
  const srcText = await page.textContent('[data-source]');
  assert.ok(srcText.includes('<script>window.__xss'), 'the HTML source is shown as text');
  await h.dropFile(page, 'xss.html', Buffer.from(xss), 'text/html');
  await probe('dropped .html');
  // A finding located in the HTML source view is marked with text only.
  const first = await page.$('.finding .locate');
  if (first) { await first.click(); await probe('located'); }
  await h.screenshot(page, 'xss');
  await done();
});

test('the example buttons load real reports shipped with the page', async () => {
  const { page, done } = await open();
  await page.click('[data-example$="gulei-2023.txt"]');
  await h.settled(page);
  const text = fs.readFileSync(path.join(h.WWW, 'examples', 'gulei-2023.txt'), 'utf8');
  assertMatches(await h.shown(page), engine().check(text, { kind: 'text' }), 'text example');
  await page.click('[data-example$="pingtan-2022.html"]');
  await h.settled(page);
  const html = fs.readFileSync(path.join(h.WWW, 'examples', 'pingtan-2022.html'), 'utf8');
  const s = await h.shown(page);
  assertMatches(s, engine().check(html, { kind: 'html' }), 'HTML example');
  assert.equal(s.format, '2021');
  assert.equal(s.year, '2022');
  await h.screenshot(page, 'example-pingtan-2022');
  await done();
});

test('typing into a 350 KB report: every keystroke lands and the result follows the last edit', async () => {
  const { page, done } = await open();
  const seed = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
  const filler = '（补充）本机关持续推进政务公开标准化规范化建设，及时回应社会关切，依法保障人民群众知情权、参与权、表达权和监督权。\n';
  let big = seed;
  while (Buffer.byteLength(big) < 350 * 1024) big += filler;
  // Pasted, as a writer would bring in a long draft (typing 350 KB through page.fill takes minutes on a busy machine).
  await h.paste(page, { text: big });
  await h.settled(page, { timeout: 60_000 });
  const checksBefore = Number(await page.getAttribute('[data-results]', 'data-checks'));
  const cell = engine().check(seed, { kind: 'text' }).tables.requests.rows.new.cells[0]; // "11"
  await page.focus('[data-input]');
  await page.evaluate((at) => document.querySelector('[data-input]').setSelectionRange(at, at), cell.offset + cell.length);
  // Slow enough that checks run between keystrokes, fast enough that some keys arrive while one runs.
  for (const key of ['5', '2', 'Backspace', '7', 'Backspace', 'Backspace', '4']) {
    await page.keyboard.press(key, { delay: 20 });
    await page.waitForTimeout(key === 'Backspace' ? 320 : 60);
  }
  const final = seed.slice(0, cell.offset) + '114' + big.slice(cell.offset + cell.length);
  await h.settled(page, { timeout: 60_000 });
  const value = await page.inputValue('[data-input]');
  assert.equal(value.length, final.length);
  assert.ok(value === final, 'every keystroke is in the text');
  const s = await h.shown(page);
  assertMatches(s, engine().check(final, { kind: 'text' }), '350 KB report after typing');
  assert.equal(s.cells.find((c) => c.table === 'requests' && c.row === 'new' && c.col === 0).text, '114');
  assert.ok(Number(await page.getAttribute('[data-results]', 'data-checks')) > checksBefore, 'checks ran while typing');
  await done();
});

test('axe-core finds no violations: initial, results, English, dark, phone width, rules page', async () => {
  const states = [];
  const { page, done } = await open();
  states.push(['initial', await h.axe(page)]);
  const text = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
  const base = engine().check(text, { kind: 'text' });
  const cell = base.tables.requests.rows.granted.cells[0];
  await h.paste(page, { text: text.slice(0, cell.offset) + '3' + text.slice(cell.offset + cell.length) });
  await h.settled(page);
  states.push(['results', await h.axe(page)]);
  await page.click('.finding .locate');
  await page.focus('td.flagged');
  states.push(['located, tooltip', await h.axe(page)]);
  await page.click('[data-action="lang"]');
  await h.settled(page);
  states.push(['English', await h.axe(page)]);
  await page.click('[data-action="theme"]');
  states.push(['English, dark', await h.axe(page)]);
  await page.click('[data-action="lang"]');
  await h.settled(page);
  states.push(['dark', await h.axe(page)]);
  await page.setViewportSize({ width: 375, height: 740 });
  states.push(['375 px, dark', await h.axe(page)]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `at 375 px the page does not scroll sideways (only the wide tables do): ${overflow} px too wide`);
  await h.screenshot(page, 'phone-dark');
  await page.click('[data-action="theme"]');
  states.push(['375 px', await h.axe(page)]);
  await h.screenshot(page, 'phone');
  await page.goto(`${server.origin}/rules.html#T3-3`);
  await page.waitForSelector('[data-rule="T3-3"] h2');
  states.push(['rules page', await h.axe(page)]);
  await done();
  for (const [state, violations] of states) assert.deepEqual(violations, [], `axe violations in state “${state}”`);
});

test('axe-core finds no violations when parts could not be checked: images, a cut text, not a report; English, dark, phone', async () => {
  const states = [];
  const { page, done } = await open();
  const check = async (input, name) => {
    const { text } = h.inputOf(input);
    await h.paste(page, { text });
    await h.settled(page);
    assert.equal((await h.shown(page)).verdictState, input.verdict, `${name}: the state under test`);
    states.push([name, await h.axe(page)]);
  };
  const [images, news, cut] = h.UNCHECKED_INPUTS;
  await check(images, 'tables as images');
  await check(cut, 'cut inside table 三');
  await page.click('[data-unchecked] button.locate');
  states.push(['cut, located', await h.axe(page)]);
  await check(news, 'not a report');
  await page.click('[data-action="theme"]');
  await check(cut, 'cut, dark');
  await check(images, 'images, dark');
  await page.click('[data-action="lang"]');
  await h.settled(page);
  states.push(['images, English, dark', await h.axe(page)]);
  await page.click('[data-action="theme"]');
  await check(news, 'not a report, English');
  await check(cut, 'cut, English');
  await page.setViewportSize({ width: 375, height: 740 });
  states.push(['cut, English, 375 px', await h.axe(page)]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `at 375 px the page does not scroll sideways: ${overflow} px too wide`);
  await h.screenshot(page, 'unchecked-phone-english');
  await page.click('[data-action="lang"]');
  await done();
  for (const [state, violations] of states) assert.deepEqual(violations, [], `axe violations in state “${state}”`);
});

test('once loaded, the page checks text and HTML with the network off', async () => {
  const { page, context, done } = await open();
  // The page engine (for HTML) loads while idle after start (the worker has its own copy): wait for its .wasm.
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('nianbao_bg.wasm')).length >= 1, null, { timeout: 30_000 });
  await context.setOffline(true);
  const text = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
  await h.paste(page, { text });
  assert.equal(await h.settled(page), 'done');
  assertMatches(await h.shown(page), engine().check(text, { kind: 'text' }), 'offline, text');
  const html = h.textToHtml(text);
  await h.paste(page, { text, html });
  assert.equal(await h.settled(page), 'done');
  assertMatches(await h.shown(page), engine().check(html, { kind: 'html' }), 'offline, HTML');
  await context.setOffline(false);
  await done();
});

test('the rules page documents every rule, offline, and findings link to it', async () => {
  const { page, done } = await open();
  await h.paste(page, { text: h.corpus('seeds/000_6a976b2651f86c68.txt') });
  await h.settled(page);
  const href = await page.getAttribute('[data-code="T3-6"] a.code', 'href');
  assert.equal(href, 'rules.html#T3-6');
  await page.click('[data-code="T3-6"] a.code');
  await page.waitForSelector('[data-rule="T3-6"] h2');
  const rules = engine().rules('zh');
  const shown = await page.$$eval('[data-rule]', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(shown, rules.map((r) => r.code));
  const heading = await page.textContent('[data-rule="T3-6"] h2');
  assert.equal(heading, engine().explain('T3-6', 'zh').split('\n')[0].replace(/^#\s*/, ''));
  assert.ok(await page.$eval('[data-rule="T3-6"]', (el) => el.getBoundingClientRect().top < window.innerHeight), 'scrolled to the rule');
  const pre = await page.textContent('[data-rule="T3-2"] pre');
  assert.ok(pre.includes('（七）总计'), 'code blocks are rendered');
  await page.click('[data-action="lang"]');
  await page.waitForFunction(() => document.querySelector('[data-rule="T3-3"] h3')?.textContent === 'What it checks');
  await h.screenshot(page, 'rules-english');
  await done();
});
