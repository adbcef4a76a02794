// Talks to worker.js: promise-based requests, and a fresh worker after a fatal error (a Rust panic), so the
// page survives whatever the engine does.
export class CheckerWorker {
  constructor(url = new URL('./worker.js', import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.waiting = new Map();
    this.spawn();
  }

  spawn() {
    this.worker = new Worker(this.url, { type: 'module' });
    this.worker.addEventListener('message', (event) => {
      const { id, ok, result, error, fatal } = event.data;
      const pending = this.waiting.get(id);
      if (!pending) return;
      this.waiting.delete(id);
      if (fatal) this.restart();
      if (ok) pending.resolve(result);
      else pending.reject(Object.assign(new Error(error), { fatal: Boolean(fatal) }));
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      const err = new Error(event.message || 'worker failed to start');
      for (const p of this.waiting.values()) p.reject(err);
      this.waiting.clear();
    });
  }

  restart() {
    this.worker.terminate();
    const err = new Error('engine restarted');
    for (const p of this.waiting.values()) p.reject(err);
    this.waiting.clear();
    this.spawn();
  }

  request(type, args = [], transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, args }, transfer);
    });
  }

  check(input, options) { return this.request('check', [input, options]); }
  readFile(bytes, name) { return this.request('readFile', [bytes, name], [bytes.buffer]); }
  version() { return this.request('version'); }
}
