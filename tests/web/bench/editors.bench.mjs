// Benchmark (issue 6): does a 350 KB report re-check between keystrokes without a visible stall, in each editor
// demo? Not part of `node --test tests/web/` (no .test. in the name); run it by hand:
//
//   NIANBAO_CHROMIUM=/usr/bin/chromium node tests/web/bench/editors.bench.mjs [textarea tinymce ckeditor5 ueditor]
//
// For each editor: a 350 KB report (seed 004 followed by narrative paragraphs) is loaded through the editor's
// API, the first check is awaited, then a writer types into the report's first cell in bursts: keys 100 ms apart,
// then a pause of 0.4–1.6 s (checks run in the pauses), so that some keys land while a check is running. Measured
// in the page: each key's latency from the event's timestamp to the next animation frame after it is handled
// (what the writer sees), main-thread long tasks, and the check time. Prints a Markdown table and JSON.
import * as h from '../helpers.mjs';
import { EDITORS, installPageHelpers } from '../editors-drivers.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['textarea', 'tinymce', 'ckeditor5', 'ueditor'];
const seed = h.corpus('seeds/004_046dc01fb9bbe87a.txt');
const filler = '（补充）本机关持续推进政务公开标准化规范化建设，及时回应社会关切，依法保障人民群众知情权、参与权、表达权和监督权。';
let text = seed;
while (Buffer.byteLength(text) < 350 * 1024) text += '\n' + filler;
const html = h.textToHtml(text);

const load = {
  textarea: (t) => { const ta = document.getElementById('report'); ta.value = t.text; ta.dispatchEvent(new Event('input', { bubbles: true })); },
  tinymce: (t) => window.demoEditor.setContent(t.html),
  ckeditor5: (t) => window.demoEditor.setData(t.html),
  ueditor: (t) => window.demoEditor.setContent(t.html),
};
/** The window and element keys go to, for latency probes. */
const probe = {
  textarea: () => [window, document.getElementById('report')],
  tinymce: () => [window.demoEditor.getWin(), window.demoEditor.getBody()],
  ckeditor5: () => [window, window.demoEditor.editing.view.getDomRoot()],
  ueditor: () => [window.demoEditor.window, window.demoEditor.body],
};

const server = await h.serve();
const browser = await h.launch();
const rows = [];
try {
  for (const name of names) {
    const d = EDITORS[name];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(installPageHelpers);
    const page = await context.newPage();
    await page.goto(server.origin + d.path);
    await page.waitForFunction(d.ready, null, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('nianbao-check').dataset.state === 'done', null, { timeout: 60_000 });
    const bytes = Buffer.byteLength(d.kind === 'html' ? html : text);
    const t0 = Date.now();
    await page.evaluate(`(${load[name]})(${JSON.stringify({ text, html })})`);
    await page.waitForFunction(() => {
      const p = document.querySelector('nianbao-check');
      return p.dataset.state === 'done' && Number(p.dataset.count ?? 0) >= 0 && p.attachment.result?.document?.format !== 'unknown';
    }, null, { timeout: 120_000 });
    const firstCheck = Date.now() - t0;
    // The first cell of table 三 ("本年新收" 自然人), where the writer types.
    const expected = h.nodeEngine().check(d.kind === 'html' ? html : text, { kind: d.kind });
    const cell = expected.tables.requests.rows.new.cells[0];
    const at = d.kind === 'text' ? { offset: cell.offset + cell.length, length: 0 } : cell.grid;
    await page.evaluate(`(${d.selectCell})(${JSON.stringify(at)})`);
    if (d.kind !== 'text') { // caret at the end of the cell's text
      await page.keyboard.press('End');
    }
    await page.evaluate(`(() => {
      const [win, el] = (${probe[name]})();
      window.__bench = { keys: [], long: [], checks0: window.__nb.panel().checks };
      el.addEventListener('keydown', (e) => {
        const start = e.timeStamp;
        const handled = win.performance.now();
        win.requestAnimationFrame(() => window.__bench.keys.push({ wait: handled - start, total: win.performance.now() - start }));
      }, true);
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.long.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    })()`);
    const pauses = [400, 700, 1000, 1300, 1600, 500, 800, 1100];
    for (const pause of pauses) {
      for (const key of ['1', '2', '3', 'Backspace', 'Backspace', 'Backspace']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(pause);
    }
    await page.waitForTimeout(3000);
    const r = await page.evaluate(() => ({
      ...window.__bench, checks: window.__nb.panel().checks - window.__bench.checks0,
      lastMs: document.querySelector('nianbao-check').attachment.lastMs,
    }));
    const totals = r.keys.map((k) => k.total).sort((a, b) => a - b);
    const pct = (p) => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))];
    rows.push({
      editor: name, bytes, firstCheckMs: firstCheck, checkMs: Math.round(r.lastMs), checksWhileTyping: r.checks, keys: totals.length,
      medianKeyMs: Math.round(pct(0.5)), p95KeyMs: Math.round(pct(0.95)), maxKeyMs: Math.round(totals[totals.length - 1]),
      keysOver100ms: totals.filter((t) => t > 100).length, longTasks: r.long.length, longestTaskMs: Math.round(Math.max(0, ...r.long)),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('| editor | report | check (ms) | checks while typing | keys | key→frame median / p95 / max (ms) | keys > 100 ms | long tasks (longest ms) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.editor} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.checkMs} | ${r.checksWhileTyping} | ${r.keys} | ${r.medianKeyMs} / ${r.p95KeyMs} / ${r.maxKeyMs} | ${r.keysOver100ms} | ${r.longTasks} (${r.longestTaskMs}) |`);
}
console.log(JSON.stringify(rows));
