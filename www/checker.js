// The one JavaScript wrapper around the nianbao WebAssembly package, for every host: the page (through its
// worker), the rules page, and later the browser extension and the CMS editor adapters.
//
//   await load();                       // fetch and instantiate the .wasm once (idempotent)
//   check(input, { kind, lang, file, previous, select, ignore, severity })   // → the JSON contract
//   checkElement(element, options)      // a live element as the page shows it; findings carry `element`
//   checkCopy(element, options, clean)  // the same on a cleaned copy (editors' caret fillers removed)
//   await readFile(bytes, name)         // → { text, kind: 'text' | 'html', encoding } (.docx: loads its reader)
//   rules(lang), explain(code, lang), version()
//   verdictOf(result)                   // "pass" | "fail" | "incomplete" | "notReport" (summary.verdict): say a
//                                       // report passes only when it is "pass", never because it has no findings
//   attach(target, options)             // check while writing: a <textarea>, a contenteditable element or an
//                                       // editor adapter (www/editors/); re-checks after edits (debounced),
//                                       // marks cells, calls options.onResult(result, attachment)
//   detach(target)                      // stop (same as attachment.detach())
//
// Everything but readFile is synchronous once load() has resolved; call it from a Worker to keep a page responsive
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
  if (typeof Element === 'function' && !(element instanceof Element) && element?.nodeType === 1) {
    return checkForeignElement(element, options);
  }
  return call((w) => w.checkElement(element, options));
}

/**
 * An element of another window (an editor's iframe): the engine recognises elements of its own window only, so
 * it reads a copy imported into this document (not rendered: hidden elements are known by their inline style
 * and the page's own rules), and every `element` of the result is mapped back to the original.
 */
function checkForeignElement(element, options) {
  return checkCopy(element, options);
}

/**
 * Check a copy of `element`, cleaned by `clean(copy)` (an editor adapter removes its editor's caret fillers and
 * bogus nodes there), and hand back check()'s result with every `element` mapped back to the original.
 */
export function checkCopy(element, options = {}, clean) {
  const copy = document.importNode(element, true);
  const original = new Map();
  const walk = (a, b) => {
    original.set(a, b);
    for (let x = a.firstElementChild, y = b.firstElementChild; x && y; x = x.nextElementSibling, y = y.nextElementSibling) walk(x, y);
  };
  walk(copy, element); // before cleaning: the two trees are still alike
  clean?.(copy);
  const result = call((w) => w.checkElement(copy, options));
  const seen = new Set();
  const remap = (v) => {
    if (!v || typeof v !== 'object' || seen.has(v) || v.nodeType) return;
    seen.add(v);
    if (v.element && v.element.nodeType === 1) v.element = original.get(v.element) ?? null;
    for (const k of Object.keys(v)) remap(v[k]);
  };
  remap(result);
  return result;
}

/** Is this a ZIP archive (a .docx), by its first bytes? */
function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

let docxReader = null;

/**
 * The .docx reader: its own small WebAssembly module (www/pkg-docx, built from the same crate with only readFile),
 * fetched the first time a .docx is opened, so that the main module stays small. Nothing but this file is fetched.
 */
function loadDocxReader() {
  if (!docxReader) {
    docxReader = import(new URL('./pkg-docx/nianbao_docx.js', import.meta.url).href).then(async (m) => {
      await m.default();
      return m;
    });
    docxReader.catch(() => { docxReader = null; }); // a failed load may be retried
  }
  return docxReader;
}

/**
 * Decode a file's bytes (UTF-8, GBK/GB18030, UTF-16; .docx → HTML): resolves to { text, kind, encoding, notes }.
 * A .docx is read by the .docx reader module, loaded on first use. Rejects with an Error with a bilingual message.
 */
export async function readFile(bytes, name = '') {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (isZip(data)) {
    let reader;
    try {
      reader = await loadDocxReader();
    } catch (err) {
      throw new Error(`无法加载 .docx 读取模块 / the .docx reader module could not be loaded (${err?.message ?? err})`);
    }
    return reader.readFile(data, String(name));
  }
  if (typeof wasm.readFile !== 'function') {
    throw new Error('此版本的检查引擎不能读取文件 / this engine build cannot read files (no readFile export)');
  }
  return call((w) => w.readFile(data, String(name)));
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

const VERDICTS = ['pass', 'fail', 'incomplete', 'notReport'];

/**
 * The verdict on a result: the engine's summary.verdict. "pass" only when nothing is wrong and everything was
 * checked; "incomplete" when no error was found but summary.unchecked lists parts that could not be checked
 * (tables published as images, a text cut short); "notReport" when the text is not an annual report. A result
 * without one (an older engine) is never taken as passing while something is listed as unchecked.
 */
export function verdictOf(result) {
  const v = result?.summary?.verdict;
  if (VERDICTS.includes(v)) return v;
  if ((result?.summary?.errors ?? 0) > 0 || result?.diagnostics?.some((d) => d.severity === 'error')) return 'fail';
  return result?.summary?.unchecked?.length ? 'incomplete' : 'pass';
}

/** Whether the engine can read files (readFile is exported by this build). */
export function canReadFiles() {
  return typeof wasm.readFile === 'function';
}

// ---- Check while writing -------------------------------------------------------------------------------------

/** Options that belong to attach() and are not passed to the engine. */
const ATTACH_OPTIONS = new Set(['delay', 'onResult', 'onError', 'marks', 'worker', 'maxDelay']);
const attachments = new WeakMap();

/**
 * Check `target` while it is written in: a `<textarea>`/`<input>`, a contenteditable element, or an editor
 * adapter (an object with source/subscribe/mark/unmark/applyFix, see www/editors/plain.js). Re-checks after
 * each edit once the writer pauses (`delay`, default 300 ms; longer when a check takes long, so a big report is
 * re-checked in pauses rather than between every two keys), marks the cells the findings are about inside the
 * editor without changing its content (`marks: false` to leave them out), and calls `onResult(result,
 * attachment)` (or `onError(error, attachment)`). Text is checked in a worker when `worker` is not false and the
 * page may start one; elements are read as shown (checkElement) on the page. Other options are check()'s.
 * Returns the attachment: { result, verdict, error, checks, recheck(), applyFix(d), locate(d), subscribe(fn), detach() }
 * (`verdict`: verdictOf(result); a host that shows its own summary says "no problems" only when it is "pass").
 */
export function attach(target, options = {}) {
  detach(target);
  // A textarea or contenteditable element gets the plain adapter, loaded only when needed (hosts that copy
  // this file alone, like the extension, never need it).
  const adapter = isAdapter(target) ? target : import('./editors/plain.js').then((m) => m.plainAdapter(target));
  const attachment = new Attachment(adapter, options, target);
  attachments.set(target, attachment);
  return attachment;
}

const isAdapter = (t) => t && typeof t.source === 'function' && typeof t.subscribe === 'function' && typeof t.mark === 'function';

/** Stop checking `target` (what attach() was given, or its element) and remove every mark. */
export function detach(target) {
  attachments.get(target)?.detach();
}

/** The attachment of `target`, if it is attached. */
export function attachmentOf(target) {
  return attachments.get(target) ?? null;
}

let sharedWorker = null;
async function workerCheck(text, options) {
  sharedWorker ??= import('./worker-client.js').then((m) => new m.CheckerWorker(new URL('./worker.js', import.meta.url)));
  return (await sharedWorker).check(text, options);
}
const canWork = () => typeof Worker === 'function' && typeof document !== 'undefined' && !globalThis.chrome?.runtime?.id;

class Attachment {
  constructor(adapter, options, target) {
    this.target = target;
    this.adapter = null;
    this.options = { ...options };
    this.engineOptions = Object.fromEntries(Object.entries(options).filter(([k]) => !ATTACH_OPTIONS.has(k)));
    this.result = null;
    this.error = null;
    this.checks = 0;
    this.lastMs = 0;
    this.edits = 0;      // bumped by every edit: a result for an older text is dropped
    this.running = false;
    this.again = false;
    this.attached = true;
    this.listeners = new Set();
    this.waiters = [];
    if (options.onResult || options.onError) {
      this.listeners.add((result, error) => (error ? options.onError?.(error, this) : options.onResult?.(result, this)));
    }
    /** Resolves once the adapter is ready (at once for an adapter object). */
    this.ready = Promise.resolve(adapter).then((a) => {
      if (!this.attached) return;
      this.adapter = a;
      this.unsubscribe = a.subscribe(() => { this.edits += 1; this.schedule(); });
      this.schedule(0);
    });
    this.ready.catch((err) => { this.error = err; this.emit(null, err); });
  }

  /** The verdict on the last result (verdictOf), or null before the first. */
  get verdict() {
    return this.result ? verdictOf(this.result) : null;
  }

  /** The pause after an edit before checking: `delay`, or twice the last check's time when that is longer. */
  get delay() {
    const base = this.options.delay ?? 300;
    return Math.min(Math.max(base, 2 * this.lastMs), this.options.maxDelay ?? 3000);
  }

  schedule(delay = this.delay) {
    if (!this.attached || !this.adapter) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  /** Check now (after pending edits); resolves with the result. */
  recheck() {
    const p = new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule(0);
    return p;
  }

  async run() {
    if (!this.attached) return;
    if (this.running) { this.again = true; return; }
    this.running = true;
    const edits = this.edits;
    try {
      await load();
      const source = this.adapter.source();
      const t0 = performance.now();
      let result;
      if (source.element && source.clean) {
        result = checkCopy(source.element, this.engineOptions, source.clean);
      } else if (source.element) {
        result = checkElement(source.element, this.engineOptions);
      } else {
        const kind = this.engineOptions.kind ?? source.kind ?? 'auto';
        const options = { ...this.engineOptions, kind };
        const text = source.text ?? '';
        const asText = kind === 'text' || (kind === 'auto' && !/^\s*</.test(text));
        result = asText && this.options.worker !== false && canWork()
          ? await workerCheck(text, { ...options, kind: 'text' })
          : check(text, options);
      }
      this.lastMs = performance.now() - t0;
      if (!this.attached) return;
      if (edits !== this.edits) { this.again = true; return; } // written on meanwhile: check the newer text
      this.result = result;
      this.error = null;
      this.checks += 1;
      if (this.options.marks !== false) this.adapter.mark(result, this);
      this.emit(result, null);
    } catch (err) {
      if (!this.attached) return;
      this.error = err;
      this.emit(null, err);
      if (err?.fatal) this.again = true; // the engine restarted: try once more
    } finally {
      this.running = false;
      if (this.again && this.attached) { this.again = false; this.schedule(this.error ? 500 : 0); }
    }
  }

  emit(result, error) {
    for (const fn of this.listeners) {
      try { fn(result, error, this); } catch (e) { console.error(e); }
    }
    const waiters = this.waiters.splice(0);
    for (const w of waiters) (error ? w.reject(error) : w.resolve(result));
  }

  /** Listen to every result: fn(result, error, attachment). Returns a function that stops listening. */
  subscribe(fn) {
    this.listeners.add(fn);
    if (this.result || this.error) fn(this.result, this.error, this);
    return () => this.listeners.delete(fn);
  }

  /** Whether the diagnostic's fix is certain and can be applied: one cell, one replacement. */
  canFix(diagnostic) {
    return Boolean(diagnostic?.fix?.replacement != null && diagnostic.fix.cell && this.result && this.adapter?.applyFix);
  }

  /** Apply a diagnostic's fix through the editor's own command (undo reverts it). */
  applyFix(diagnostic) {
    if (!this.canFix(diagnostic)) return false;
    return this.adapter.applyFix(diagnostic, this.result) !== false;
  }

  /** Bring the cell a diagnostic is about into view and put the caret there. */
  locate(diagnostic) {
    return this.result ? this.adapter?.locate?.(diagnostic, this.result) : undefined;
  }

  /** The editor's saved content, marks never included. */
  content() {
    return this.adapter?.content();
  }

  detach() {
    if (!this.attached) return;
    this.attached = false;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.adapter?.unmark();
    this.adapter?.destroy?.();
    this.listeners.clear();
    for (const w of this.waiters.splice(0)) w.reject(new Error('detached'));
    if (attachments.get(this.target) === this) attachments.delete(this.target);
  }
}
