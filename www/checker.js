// The one JavaScript wrapper around the nianbao WebAssembly package, for every host: the page (through its
// worker), the rules page, and later the browser extension and the CMS editor adapters.
//
//   await load();                       // fetch and instantiate the .wasm once (idempotent)
//   check(input, { kind, lang, file, previous, select, ignore, severity })   // → the JSON contract
//   checkElement(element, options)      // a live element as the page shows it; findings carry `element`
//   readFile(bytes, name)               // → { text, kind: 'text' | 'html', encoding }
//   rules(lang), explain(code, lang), version()
//
// Everything is synchronous once load() has resolved; call it from a Worker to keep a page responsive
// (HTML strings need DOMParser, which workers lack: check HTML on a page or an offscreen document).
//
// A Rust panic traps the WebAssembly instance (panic = abort) and leaves it unusable. The call that hit it
// throws an Error saying so; the engine is then re-instantiated in the background from a fresh copy of the
// module, so the page keeps working.
import init, * as first from './pkg/nianbao.js';

let wasm = first;
let loading = null;
let wasmSource;
let restarts = 0;
let restarting = null;

/** Load the engine once. `wasmUrl` overrides where the .wasm is fetched from (default: next to nianbao.js). */
export function load(wasmUrl) {
  if (!loading) {
    wasmSource = wasmUrl;
    loading = init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => wasm.version());
    loading.catch(() => { loading = null; }); // a failed load may be retried
  }
  return restarting ?? loading;
}

/** A fresh module instance after a trap: a distinct URL gives a distinct ES module, with its own memory. */
function restart() {
  restarts += 1;
  const url = new URL(`./pkg/nianbao.js?instance=${restarts}`, import.meta.url);
  restarting = import(url.href)
    .then(async (m) => {
      await m.default(wasmSource ? { module_or_path: wasmSource } : undefined);
      wasm = m;
      restarting = null;
      return m.version();
    })
    .catch((err) => {
      restarting = null;
      throw err;
    });
  restarting.catch(() => {});
}

/** Run an engine call; a trap becomes a clear Error and a restart. */
function call(fn) {
  if (restarting) {
    throw new Error('检查引擎正在重新启动，请稍后再试 / the checker engine is restarting, try again in a moment');
  }
  try {
    return fn(wasm);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      restart();
      const e = new Error(`检查引擎内部错误，已重新启动 / internal error in the checker engine; it has been restarted (${err.message})`);
      e.fatal = true;
      throw e;
    }
    throw err;
  }
}

/** How many times the engine was re-instantiated after a trap. */
export function restartCount() {
  return restarts;
}

/** Check a report (text or HTML). Options: kind 'auto'|'text'|'html', lang 'zh'|'en', file, previous, select, ignore, severity. */
export function check(input, options = {}) {
  return call((w) => w.check(String(input ?? ''), options));
}

/**
 * Check a live element (a preview, an editor's body, a portal's article) as the page shows it: hidden
 * elements are skipped by their computed style. The result is check()'s, its source the element's outerHTML;
 * each finding, related location and table cell also carries `element`, the table cell it is about.
 */
export function checkElement(element, options = {}) {
  return call((w) => w.checkElement(element, options));
}

/** Decode a file's bytes (UTF-8, GBK/GB18030, UTF-16; .docx → HTML). Throws an Error with a bilingual message. */
export function readFile(bytes, name = '') {
  if (typeof wasm.readFile !== 'function') {
    throw new Error('此版本的检查引擎不能读取文件 / this engine build cannot read files (no readFile export)');
  }
  return call((w) => w.readFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), String(name)));
}

/** Every rule's metadata: code, name, family, severity, formats, summary, what, why, passes, fails, basis. */
export function rules(lang = 'zh') {
  return call((w) => w.rules(lang));
}

/** One rule's documentation as Markdown (by code or name), or undefined. */
export function explain(code, lang = 'zh') {
  return call((w) => w.explain(String(code), lang));
}

export function version() {
  return wasm.version();
}

/** Whether the engine can read files (readFile is exported by this build). */
export function canReadFiles() {
  return typeof wasm.readFile === 'function';
}
