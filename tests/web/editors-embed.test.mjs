// The embedding API itself (www/checker.js attach/detach, <nianbao-check>), on the plain textarea demo:
// onResult follows the last edit and detach() stops it; the panel speaks English with lang="en", says when its
// target is missing, and shows what it is given as text only. Expectations from the engine as a Node module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await h.serve();
  browser = await h.launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const { context, page, log } = await h.openPage(browser, server.origin, { path: '/demo/textarea.html' });
  await page.waitForFunction(() => document.querySelector('nianbao-check')?.dataset.state === 'done', null, { timeout: 30_000 });
  return { context, page, log };
}

test('attach(): onResult after each pause in typing, the result of the last edit; detach() stops checking and removes marks', async () => {
  const { context, page, log } = await open();
  const text = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
  const results = await page.evaluate(async (text) => {
    document.querySelector('nianbao-check').remove(); // the panel detaches on removal
    const { attach } = await import('/checker.js');
    const ta = document.getElementById('report');
    const seen = [];
    const done = new Promise((resolve) => {
      const a = attach(ta, { delay: 150, onResult: (r) => { seen.push(r.diagnostics.map((d) => d.code)); if (ta.value === text) resolve(a); } });
    });
    ta.focus();
    for (const chunk of [text.slice(0, 200), text]) { // two edits in quick succession: one result for the last
      ta.value = chunk;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    const a = await done;
    const before = seen.length;
    const marksBefore = document.querySelectorAll('.nianbao-overlay mark').length;
    a.detach();
    ta.value = text.replace('本年新收', '本年新收 ');
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 600));
    return { seen, before, after: seen.length, overlay: document.querySelectorAll('.nianbao-overlay').length, marksBefore, checks: a.checks };
  }, text);
  const expected = h.nodeEngine().check(text, { kind: 'text' }).diagnostics.map((d) => d.code);
  assert.deepEqual(results.seen.at(-1), expected, 'the last result is the engine\'s for the whole text');
  assert.equal(results.after, results.before, 'no result after detach()');
  assert.equal(results.overlay, 0, 'detach() removes the overlay');
  assert.deepEqual(log.foreign(), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('<nianbao-check>: English with lang="en", a missing target said plainly, report text shown as text only', async () => {
  const { context, page, log } = await open();
  const text = h.corpus('seeds/000_6a976b2651f86c68.txt');
  await page.evaluate(() => {
    document.querySelector('nianbao-check').setAttribute('lang', 'en');
    const missing = document.createElement('nianbao-check');
    missing.setAttribute('for', 'no-such-editor');
    missing.id = 'missing';
    document.body.append(missing);
  });
  await page.fill('#report', text);
  await page.waitForFunction(() => {
    const p = document.querySelector('nianbao-check');
    return p.dataset.state === 'done' && p.shadowRoot.querySelector('[data-status]').textContent.includes('finding');
  }, null, { timeout: 30_000 });
  const shown = await page.evaluate(() => {
    const p = document.querySelector('nianbao-check');
    const m = document.getElementById('missing');
    return {
      status: p.shadowRoot.querySelector('[data-status]').textContent,
      messages: [...p.shadowRoot.querySelectorAll('li [data-text]')].map((e) => e.textContent),
      missingState: m.dataset.state,
      missingText: m.shadowRoot.querySelector('[data-message]').textContent,
    };
  });
  const expected = h.nodeEngine().check(text, { kind: 'text', lang: 'en' });
  assert.deepEqual(shown.messages, expected.diagnostics.map((d) => d.message), 'English messages, as the engine gives them');
  assert.match(shown.status, new RegExp(`^${expected.diagnostics.length} findings? \\(`), 'English status line');
  // Messages quote the report (labels, narrative): whatever they hold is shown as text. A result carrying markup
  // in every field the panel shows is drawn, and nothing of it becomes an element or runs.
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const drawn = await page.evaluate((hostile) => {
    const p = document.querySelector('nianbao-check');
    p.render({
      diagnostics: [{ code: hostile, severity: 'error', message: hostile, notes: [hostile], fix: { replacement: hostile, cell: null, message: hostile }, cell: null, related: [] }],
      summary: { errors: 1, warnings: 0, notices: 0 },
    });
    const li = p.shadowRoot.querySelector('li');
    return { text: li.querySelector('[data-text]').textContent, notes: li.querySelector('.notes').textContent, elements: p.shadowRoot.querySelectorAll('img, li script').length, pwned: window.__pwned ?? null };
  }, hostile);
  assert.equal(drawn.text, hostile, 'a message is shown as text');
  assert.equal(drawn.notes, hostile, 'notes are shown as text');
  assert.equal(drawn.elements, 0, 'no element made from a message');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'nothing from a message ran');
  assert.equal(shown.missingState, 'error');
  assert.match(shown.missingText, /找不到 id 为“no-such-editor”的元素/);
  assert.deepEqual(log.foreign(), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('<nianbao-check>: axe-core finds no violations in the panel when parts could not be checked, light and dark', async () => {
  const states = [];
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, log } = await h.openPage(browser, server.origin, { path: '/demo/textarea.html', colorScheme });
    await page.waitForFunction(() => document.querySelector('nianbao-check')?.dataset.state === 'done', null, { timeout: 30_000 });
    for (const input of h.UNCHECKED_INPUTS.slice(0, 3)) {
      const { text } = h.inputOf(input);
      await page.fill('#report', text);
      await page.waitForFunction((v) => document.querySelector('nianbao-check').dataset.verdict === v, input.verdict, { timeout: 30_000 });
      states.push([`${input.name}, ${colorScheme}`, await h.axe(page, 'nianbao-check')]);
    }
    assert.deepEqual(log.foreign(), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
  for (const [state, violations] of states) assert.deepEqual(violations, [], `axe violations in the panel, “${state}”`);
});
