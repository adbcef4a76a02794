#!/usr/bin/env node
// The browser benchmark (issue 7): serves benches/browser/ with www/ (the built engine: run scripts/build-web.sh
// first) and the corpus on 127.0.0.1, opens it in headless Chromium (the system's, never a downloaded one) and
// prints the cold start and the median check time per corpus report as a Markdown table.
//
//   node benches/browser/run.mjs [--runs N] [--json]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const www = path.join(root, 'www');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;

if (!fs.existsSync(path.join(www, 'pkg', 'nianbao_bg.wasm'))) {
  console.error('run.mjs: www/pkg/ is not built: run scripts/build-web.sh first');
  process.exit(2);
}
const files = ['reports', 'seeds', 'excerpts']
  .flatMap((d) => fs.readdirSync(path.join(corpus, d)).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => `${d}/${f}`))
  .sort();

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.css': 'text/css' };
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p === '/corpus-list.json') { res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify(files)); return; }
  const [base, rel] = p.startsWith('/www/') ? [www, p.slice(5)] : p.startsWith('/corpus/') ? [corpus, p.slice(8)] : [here, p === '/' ? 'index.html' : p.slice(1)];
  const file = path.resolve(base, rel);
  if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/?runs=${runs}`);
  await page.waitForFunction(() => window.benchResult || document.querySelector('[data-status]').textContent.startsWith('error'), null, { timeout: 600_000 });
  if (errors.length) throw new Error(errors.join('\n'));
  const r = await page.evaluate(() => window.benchResult);
  if (args.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    console.log(`Chromium: ${r.userAgent}`);
    console.log(`Cold start (fetch + instantiate + first check of ${r.coldStart.firstFile}): ${r.coldStart.totalMs.toFixed(0)} ms ` +
      `(load ${r.coldStart.loadMs.toFixed(0)} ms, first check ${r.coldStart.firstCheckMs.toFixed(1)} ms)\n`);
    console.log(`| report | size | input | median check (${r.runs} runs) | fastest |`);
    console.log('|---|---|---|---|---|');
    for (const x of r.reports) console.log(`| ${x.file} | ${(x.bytes / 1024).toFixed(1)} KB | ${x.kind} | ${x.medianMs.toFixed(2)} ms | ${x.minMs.toFixed(2)} ms |`);
    console.log(`\nMedian over the reports: ${r.medianOfMediansMs.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
