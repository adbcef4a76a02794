// The one JavaScript wrapper around the nianbao WebAssembly package, for every host: the page (through its
// worker), the rules page, and later the browser extension and the CMS editor adapters.
//
//   await load();                       // fetch and instantiate the .wasm once (idempotent)
//   check(input, { kind, lang, file, previous, select, ignore, severity })   // → the JSON contract
//   readFile(bytes, name)               // → { text, kind: 'text' | 'html', encoding }
//   rules(lang), explain(code, lang), version()
//
// Everything is synchronous once load() has resolved; call it from a Worker to keep a page responsive.
import init, * as wasm from './pkg/nianbao.js';

let loading = null;

/** Load the engine once. `wasmUrl` overrides where the .wasm is fetched from (default: next to nianbao.js). */
export function load(wasmUrl) {
  if (!loading) {
    loading = init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => wasm.version());
    loading.catch(() => { loading = null; }); // a failed load may be retried
  }
  return loading;
}

/** Check a report (text or HTML). Options: kind 'auto'|'text'|'html', lang 'zh'|'en', file, previous, select, ignore, severity. */
export function check(input, options = {}) {
  return wasm.check(String(input ?? ''), options);
}

/** Decode a file's bytes (UTF-8, GBK/GB18030, UTF-16; .docx → HTML). Throws an Error with a bilingual message. */
export function readFile(bytes, name = '') {
  if (typeof wasm.readFile !== 'function') {
    throw new Error('此版本的检查引擎不能读取文件 / this engine build cannot read files (no readFile export)');
  }
  return wasm.readFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), String(name));
}

/** Every rule's metadata: code, name, family, severity, formats, summary, what, why, passes, fails, basis. */
export function rules(lang = 'zh') {
  return wasm.rules(lang);
}

/** One rule's documentation as Markdown (by code or name), or undefined. */
export function explain(code, lang = 'zh') {
  return wasm.explain(String(code), lang);
}

export function version() {
  return wasm.version();
}

/** Whether the engine can read files (readFile is exported by this build). */
export function canReadFiles() {
  return typeof wasm.readFile === 'function';
}
