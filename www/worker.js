// Module worker: runs the WebAssembly checker off the page's main thread, so typing never waits for a check.
// Messages in: { id, type: 'check' | 'readFile' | 'version', args: [...] }; out: { id, ok, result | error, fatal }.
import { load, check, readFile, version } from './checker.js';

const ready = load();

const handlers = {
  check: (input, options) => check(input, options),
  readFile: (bytes, name) => readFile(bytes, name),
  version: () => version(),
};

self.addEventListener('message', async (event) => {
  const { id, type, args = [] } = event.data ?? {};
  try {
    await ready;
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request ${type}`);
    self.postMessage({ id, ok: true, result: await handler(...args) });
  } catch (err) {
    // A Rust panic surfaces as a WebAssembly.RuntimeError; the instance is unusable afterwards, so the page
    // is told to start a fresh worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: String(err?.message ?? err), fatal });
  }
});
