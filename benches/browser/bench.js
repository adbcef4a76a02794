// The browser benchmark: cold start (fetch + compile + instantiate + first check) and the median time of a
// check of each corpus report, on the page's main thread with www/checker.js, as the page and the extension use
// it. The result is left in window.benchResult for benches/browser/run.mjs.
const t0 = performance.now();
const checker = await import('/www/checker.js');
await checker.load();
const tLoaded = performance.now();

const files = await (await fetch('/corpus-list.json')).json();
const first = await (await fetch(`/corpus/${files[0]}`)).text();
const tFetched = performance.now();
checker.check(first, { kind: files[0].endsWith('.html') ? 'html' : 'text' });
const tFirst = performance.now();

const params = new URLSearchParams(location.search);
const runs = Number(params.get('runs') || 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const rows = [];
for (const file of files) {
  const text = await (await fetch(`/corpus/${file}`)).text();
  const kind = file.endsWith('.html') ? 'html' : 'text';
  checker.check(text, { kind }); // warm-up
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const a = performance.now();
    checker.check(text, { kind });
    times.push(performance.now() - a);
  }
  rows.push({ file, bytes: new TextEncoder().encode(text).length, kind, medianMs: median(times), minMs: Math.min(...times) });
}

const result = {
  userAgent: navigator.userAgent,
  runs,
  coldStart: {
    // load() = fetch nianbao.js + fetch, compile and instantiate the .wasm; first check = one report, cold.
    loadMs: tLoaded - t0,
    firstCheckMs: tFirst - tFetched,
    totalMs: tFirst - t0 - (tFetched - tLoaded),
    firstFile: files[0],
  },
  reports: rows,
  medianOfMediansMs: median(rows.map((r) => r.medianMs)),
};

const table = document.querySelector('[data-results]');
const tr = (cells, tag = 'td') => { const r = table.insertRow(); for (const c of cells) { const x = document.createElement(tag); x.textContent = c; r.append(x); } };
tr(['file', 'bytes', 'kind', 'median ms', 'min ms'], 'th');
for (const r of rows) tr([r.file, r.bytes, r.kind, r.medianMs.toFixed(2), r.minMs.toFixed(2)]);
document.querySelector('[data-status]').textContent =
  `cold start ${result.coldStart.totalMs.toFixed(0)} ms (load ${result.coldStart.loadMs.toFixed(0)} ms, first check ${result.coldStart.firstCheckMs.toFixed(1)} ms); median of medians ${result.medianOfMediansMs.toFixed(2)} ms`;
window.benchResult = result;
