// <nianbao-check for="ID">: the simplest embedding for any CMS template. It attaches the checker (checker.js
// attach()) to the element with that id — a <textarea>, a contenteditable element, or an editor whose adapter
// (www/editors/) has registered itself on that element — and shows a compact findings panel: each finding with
// its code, message and arithmetic, a button to go to its cell and, when the fix is certain, one to apply it.
//
//   <textarea id="report"></textarea>
//   <nianbao-check for="report"></nianbao-check>
//   <script type="module" src="/nianbao-check.js"></script>
//
// Attributes: for (the id), lang ("zh" default, or "en"), delay (ms after the last edit, default 300).
// State for hosts and tests: data-state ("waiting" | "done" | "error"), data-checks (results so far),
// data-count (findings), data-verdict (the engine's summary.verdict: "pass" | "fail" | "incomplete" |
// "notReport"); element.attachment is the attachment; a "nianbao-result" event follows every result.
// "No problems found" is said only of a report that passes: when parts of it could not be checked (tables
// published as images, a text cut short) the panel lists them, each with data-unchecked (its part).
// Report text is only ever put in as text (textContent), never as HTML.
import { attach, verdictOf } from './checker.js';

const TEXT = {
  zh: {
    title: '年报检查', waiting: '正在检查…', none: '未发现问题', count: (n) => `发现 ${n} 个问题`,
    error: '错误', warning: '警告', notice: '提示', locate: '定位', fix: (v) => `改为“${v}”`, failed: '检查失败：',
    noTarget: (id) => `找不到 id 为“${id}”的元素`,
    summary: (s) => `${s.errors} 个错误，${s.warnings} 个警告，${s.notices} 个提示`,
    incomplete: '未发现错误，但以下内容未能检查', partly: '以下内容未能检查',
    notReport: '这段文字看起来不是政府信息公开工作年度报告，未作检查', unchecked: '未能检查：',
  },
  en: {
    title: 'Report check', waiting: 'Checking…', none: 'No problems found', count: (n) => `${n} finding${n === 1 ? '' : 's'}`,
    error: 'error', warning: 'warning', notice: 'notice', locate: 'Go to cell', fix: (v) => `Change to “${v}”`, failed: 'Check failed: ',
    noTarget: (id) => `no element with id “${id}”`,
    summary: (s) => `${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`,
    incomplete: 'No errors found, but these parts could not be checked', partly: 'these parts could not be checked',
    notReport: 'This text does not look like an annual report on government information disclosure; it was not checked', unchecked: 'Not checked:',
  },
};

const STYLE = `
:host { display: block; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2937;
  border: 1px solid #d1d5db; border-radius: 6px; background: #fff; max-height: 24em; overflow: auto; }
header { display: flex; gap: .5em; align-items: baseline; padding: .4em .7em; border-bottom: 1px solid #e5e7eb; position: sticky; top: 0; background: #f9fafb; }
header strong { font-size: 1em; white-space: nowrap; }
[data-status] { color: #4b5563; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: .45em .7em; border-bottom: 1px solid #f3f4f6; }
.sev { display: inline-block; min-width: 2.6em; text-align: center; border-radius: 3px; font-size: .8em; padding: 0 .3em; margin-right: .3em; color: #fff; }
.sev.error { background: #b91c1c; } .sev.warning { background: #b45309; } .sev.notice { background: #1d4ed8; }
code { font-size: .85em; color: #374151; margin-right: .4em; }
.notes { color: #4b5563; font-size: .85em; margin: .15em 0 0; }
.actions { margin-top: .25em; display: flex; gap: .4em; }
button { font: inherit; font-size: .85em; padding: .1em .6em; border: 1px solid #9ca3af; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover, button:focus-visible { background: #eef2ff; }
[data-message] { padding: .45em .7em; }
:host([data-verdict="incomplete"]) [data-status], :host([data-verdict="notReport"]) [data-status] { color: #92400e; font-weight: 600; }
[data-unchecked-list] { border-bottom: 1px solid #e5e7eb; background: #fffbeb; }
[data-unchecked-list] p { margin: 0; padding: .35em .7em 0; font-weight: 600; color: #92400e; }
[data-unchecked-list] li { border-left: 3px solid #b45309; border-bottom: 0; padding: .2em .7em; margin: .25em .5em; }
@media (prefers-color-scheme: dark) {
  :host { background: #111827; color: #e5e7eb; border-color: #374151; }
  header { background: #1f2937; border-color: #374151; } li { border-color: #1f2937; }
  code, .notes, [data-status] { color: #d1d5db; } button { background: #1f2937; color: #e5e7eb; }
  :host([data-verdict="incomplete"]) [data-status], :host([data-verdict="notReport"]) [data-status], [data-unchecked-list] p { color: #fcd34d; }
  [data-unchecked-list] { background: #292211; border-color: #374151; } [data-unchecked-list] li { border-left-color: #f59e0b; }
}`;

export class NianbaoCheck extends HTMLElement {
  static observedAttributes = ['for', 'lang', 'delay'];

  constructor() {
    super();
    this.attachment = null;
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.header = document.createElement('header');
    this.titleEl = document.createElement('strong');
    this.status = document.createElement('span');
    this.status.dataset.status = '';
    this.status.setAttribute('role', 'status');
    this.header.append(this.titleEl, this.status);
    this.message = document.createElement('div');
    this.message.dataset.message = '';
    this.message.hidden = true;
    this.unchecked = document.createElement('div');
    this.unchecked.dataset.uncheckedList = '';
    this.unchecked.hidden = true;
    this.list = document.createElement('ul');
    this.list.dataset.findings = '';
    root.append(style, this.header, this.message, this.unchecked, this.list);
    this.onAdapter = (e) => { if (e.target.id === this.getAttribute('for')) this.connect(); };
  }

  get lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }
  get t() { return TEXT[this.lang]; }

  connectedCallback() {
    this.setAttribute('role', this.getAttribute('role') ?? 'region');
    this.titleEl.textContent = this.t.title;
    this.setAttribute('aria-label', this.t.title);
    document.addEventListener('nianbao-adapter', this.onAdapter);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.connect(), { once: true });
    else this.connect();
  }

  disconnectedCallback() {
    document.removeEventListener('nianbao-adapter', this.onAdapter);
    this.attachment?.detach();
    this.attachment = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value && this.isConnected && this.attachment) this.connect();
  }

  /** Attach to the `for` element (its registered editor adapter when it has one). */
  connect() {
    const id = this.getAttribute('for');
    const el = id ? document.getElementById(id) : null;
    if (!el) {
      this.showMessage(this.t.noTarget(id ?? ''));
      this.dataset.state = 'error';
      return;
    }
    this.attach(el.nianbaoAdapter ?? el);
  }

  /** Attach to a target or an adapter directly. */
  attach(target) {
    this.attachment?.detach();
    this.dataset.state = 'waiting';
    this.dataset.checks = '0';
    this.status.textContent = this.t.waiting;
    const delay = Number(this.getAttribute('delay'));
    this.attachment = attach(target, {
      lang: this.lang,
      ...(delay > 0 ? { delay } : {}),
      onResult: (result) => this.render(result),
      onError: (err) => {
        this.showMessage(this.t.failed + String(err?.message ?? err));
        this.dataset.state = 'error';
        this.dispatchEvent(new CustomEvent('nianbao-result', { detail: { error: err } }));
      },
    });
    return this.attachment;
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = false;
    this.list.replaceChildren();
    this.unchecked.replaceChildren();
    this.unchecked.hidden = true;
    delete this.dataset.verdict;
  }

  /** The status line: the verdict, and the findings' counts when there are any. */
  statusText(verdict, result, unchecked) {
    const t = this.t;
    const n = result.diagnostics.length;
    if (verdict === 'notReport') return t.notReport;
    const counts = n ? (this.lang === 'en' ? `${t.count(n)} (${t.summary(result.summary)})` : `${t.count(n)}（${t.summary(result.summary)}）`) : '';
    if (verdict === 'incomplete' && !n) return t.incomplete;
    if (unchecked.length) return `${counts}${this.lang === 'en' ? '; ' : '；'}${t.partly}`;
    return n ? counts : t.none;
  }

  /** What could not be checked, one item each ("not a report" is the status line itself). */
  renderUnchecked(unchecked) {
    if (!unchecked.length) {
      this.unchecked.replaceChildren();
      this.unchecked.hidden = true;
      return;
    }
    const head = document.createElement('p');
    head.textContent = this.t.unchecked;
    const ul = document.createElement('ul');
    for (const u of unchecked) {
      const li = document.createElement('li');
      li.dataset.unchecked = u.part ?? '';
      li.dataset.reason = u.reason ?? '';
      li.textContent = u.message ?? '';
      ul.append(li);
    }
    this.unchecked.replaceChildren(head, ul);
    this.unchecked.hidden = false;
  }

  render(result) {
    const t = this.t;
    this.message.hidden = true;
    const items = result.diagnostics.map((d) => {
      const li = document.createElement('li');
      li.dataset.code = d.code;
      li.dataset.severity = d.severity;
      if (d.cell) li.dataset.cell = `${d.cell.table}/${d.cell.row}/${d.cell.column}`;
      const sev = document.createElement('span');
      sev.className = `sev ${d.severity}`;
      sev.textContent = t[d.severity] ?? d.severity;
      const code = document.createElement('code');
      code.textContent = d.code;
      const msg = document.createElement('span');
      msg.dataset.text = '';
      msg.textContent = d.message;
      li.append(sev, code, msg);
      if (d.notes?.length) {
        const notes = document.createElement('p');
        notes.className = 'notes';
        notes.textContent = d.notes.join('；');
        li.append(notes);
      }
      const actions = document.createElement('div');
      actions.className = 'actions';
      if (d.element || d.cell || Number.isInteger(d.offset)) {
        const go = document.createElement('button');
        go.type = 'button';
        go.dataset.action = 'locate';
        go.textContent = t.locate;
        go.addEventListener('click', () => this.attachment?.locate(d));
        actions.append(go);
      }
      if (this.attachment?.canFix(d)) {
        const fix = document.createElement('button');
        fix.type = 'button';
        fix.dataset.action = 'fix';
        fix.textContent = t.fix(d.fix.replacement);
        fix.title = d.fix.message;
        fix.addEventListener('click', () => this.attachment?.applyFix(d));
        actions.append(fix);
      }
      if (actions.childElementCount) li.append(actions);
      return li;
    });
    this.list.replaceChildren(...items);
    const n = result.diagnostics.length;
    const verdict = verdictOf(result);
    const unchecked = (Array.isArray(result.summary?.unchecked) ? result.summary.unchecked : []).filter((u) => u.reason !== 'notReport');
    this.renderUnchecked(unchecked);
    this.status.textContent = this.statusText(verdict, result, unchecked);
    this.dataset.verdict = verdict;
    this.dataset.count = String(n);
    this.dataset.checks = String(Number(this.dataset.checks ?? 0) + 1);
    this.dataset.state = 'done';
    this.dispatchEvent(new CustomEvent('nianbao-result', { detail: { result } }));
  }
}

if (!customElements.get('nianbao-check')) customElements.define('nianbao-check', NianbaoCheck);

