// The checking page: paste, open, drop or edit a report; the engine checks it in a Web Worker; the results
// (summary, findings, the tables in their official layout) are drawn with textContent only.
import { CheckerWorker } from './worker-client.js';
import { t, pick, setLanguage, language, translate } from './i18n.js';
import * as prefs from './prefs.js';
import { drawTables, el } from './tables.js';
import { REQUEST_ROWS, REQUEST_COLUMNS, REVIEW_OUTCOMES, REVIEW_BLOCKS, activeBlocks } from './layout.js';
import { htmlToText } from './html-text.js';

const DEBOUNCE_MS = 250;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const SEVERITIES = ['error', 'warning', 'notice'];

const $ = (sel) => document.querySelector(sel);
const input = $('[data-input]');
const results = $('[data-results]');
const message = $('[data-message]');
const announcer = $('[data-announce]');
const summary = $('[data-summary]');
const verdict = $('[data-verdict]');
const uncheckedList = $('[data-unchecked-list]');
const findingsBox = $('[data-findings]');
const groupsBox = $('[data-finding-groups]');
const tablesBox = $('[data-tables]');
const tableList = $('[data-table-list]');
const sourceText = $('[data-source-text]');
const sourceView = $('[data-source-view]');
const sourcePre = $('[data-source]');
const asTextButton = $('[data-action="as-text"]');
const fileInput = $('[data-file]');
const copyNote = $('[data-copy-note]');
const copyFallback = $('[data-copy-fallback]');

/** What is being checked. kind 'text': the textarea's value; kind 'html': `html`, with its text shown in the textarea. */
const state = {
  kind: 'text',
  html: null,
  origin: null, // { type: 'paste' } | { type: 'file', name, encoding } | { type: 'example', name }
  name: '',
  generation: 0,
  result: null,
  checkedSource: '',
  checkedKind: 'text',
  cells: null,
  checks: 0,
  lastAnnouncement: '',
};

let engine = null;

// ---- language and theme -------------------------------------------------------------------------------------

function applyLanguage() {
  setLanguage(prefs.lang());
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  document.title = t('title');
  translate();
  const langButton = $('[data-action="lang"]');
  langButton.setAttribute('lang', language() === 'en' ? 'zh-CN' : 'en');
  updateThemeButton();
  updateSourceNote();
}

function updateThemeButton() {
  const button = $('[data-action="theme"]');
  const dark = document.documentElement.dataset.theme === 'dark';
  button.setAttribute('aria-pressed', String(dark));
  button.firstElementChild.textContent = t('themeToDark');
}

$('[data-action="lang"]').addEventListener('click', () => {
  prefs.setLang(language() === 'en' ? 'zh' : 'en');
  applyLanguage();
  recheckNow(); // the engine writes findings in the chosen language
});

$('[data-action="theme"]').addEventListener('click', () => {
  prefs.setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
  updateThemeButton();
});
prefs.followSystemTheme(updateThemeButton);

// ---- input ----------------------------------------------------------------------------------------------------

function describeOrigin() {
  const o = state.origin;
  if (!o) return t('pastedHtml');
  if (o.type === 'file' || o.type === 'example') return t('fileNamed', o.name, o.encoding);
  return t('pastedHtml');
}

function updateSourceNote() {
  const html = state.kind === 'html';
  sourceText.textContent = html ? t('sourceHtml', describeOrigin()) : (input.value ? t('sourceText') : '');
  asTextButton.hidden = !html;
  sourceView.hidden = !html;
  if (!html) sourceView.open = false;
}

function setTextInput(text, origin = null) {
  state.kind = 'text';
  state.html = null;
  state.origin = origin;
  state.name = origin?.name ?? '';
  input.value = text;
  sourcePre.replaceChildren();
  updateSourceNote();
  inputChanged();
}

function setHtmlInput(html, text, origin) {
  state.kind = 'html';
  state.html = html;
  state.origin = origin;
  state.name = origin?.name ?? '';
  input.value = text;
  sourcePre.textContent = html;
  updateSourceNote();
  inputChanged();
}

function currentSource() {
  return state.kind === 'html' ? state.html : input.value;
}

input.addEventListener('paste', (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  const replacesAll = input.value === '' || (input.selectionStart === 0 && input.selectionEnd === input.value.length);
  if (!html && replacesAll && /^\s*<(!doctype\s+html|html)[\s>]/i.test(plain)) {
    // The source of a web page, copied as text (from an editor or view-source): check it as the HTML it is.
    event.preventDefault();
    setHtmlInput(plain, htmlToText(plain), { type: 'paste' });
    return;
  }
  if (!html || !/<(table|tr|td|p|div|br|span|h[1-6]|li|body|html)\b/i.test(html)) return; // plain text: the browser pastes it
  if (!replacesAll) return; // pasting into a text being edited: keep it text
  event.preventDefault();
  setHtmlInput(html, plain || htmlToText(html), { type: 'paste' });
});

input.addEventListener('input', () => {
  if (state.kind === 'html') {
    // Editing the shown text means checking that text from now on.
    state.kind = 'text';
    state.html = null;
    sourcePre.replaceChildren();
    updateSourceNote();
  } else if (!sourceText.textContent) {
    updateSourceNote();
  }
  inputChanged();
});

asTextButton.addEventListener('click', () => {
  setTextInput(input.value, null);
  input.focus();
});

$('[data-action="clear"]').addEventListener('click', () => {
  setTextInput('', null);
  input.focus();
});

$('[data-action="open"]').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) openFile(file);
  fileInput.value = '';
});

// The whole page takes a dropped file (and never navigates away to it).
const dropzone = $('[data-dropzone]');
document.addEventListener('dragover', (event) => {
  if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  dropzone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropzone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  dropzone.classList.remove('dragging');
  if (!file) return;
  event.preventDefault();
  openFile(file);
});

async function openFile(file) {
  if (!engine) return;
  if (file.size > MAX_FILE_BYTES) {
    showError(t('readFailed'), `${file.name}: > ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return;
  }
  results.dataset.state = 'pending';
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await engine.readFile(bytes, file.name);
    const origin = { type: 'file', name: file.name, encoding: read.encoding };
    if (read.kind === 'html') setHtmlInput(read.text, htmlToText(read.text), origin);
    else setTextInput(read.text, origin);
    input.focus();
  } catch (err) {
    showError(t('readFailed'), `${file.name}: ${err?.message ?? err}`);
  }
}

for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', async () => {
    const url = button.dataset.example;
    const name = url.split('/').pop();
    results.dataset.state = 'pending'; // loading the example
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const text = await response.text();
      const origin = { type: 'example', name };
      if (/\.html?$/i.test(name)) setHtmlInput(text, htmlToText(text), origin);
      else setTextInput(text, origin);
      input.focus();
    } catch (err) {
      showError(t('readFailed'), `${name}: ${err?.message ?? err}`);
    }
  });
}

// ---- checking: debounced, in the worker, stale results dropped ------------------------------------------------

let timer = 0;
let inFlight = false;
let again = false;

function inputChanged() {
  state.generation += 1;
  results.dataset.state = 'pending';
  clearTimeout(timer);
  timer = setTimeout(runCheck, DEBOUNCE_MS);
}

function recheckNow() {
  if (!engine) return;
  state.generation += 1;
  results.dataset.state = 'pending';
  clearTimeout(timer);
  runCheck();
}

async function runCheck() {
  if (inFlight) { again = true; return; } // one check at a time; the latest input runs next
  const generation = state.generation;
  const source = currentSource() ?? '';
  const kind = state.kind;
  if (source.trim() === '') {
    showEmpty();
    return;
  }
  inFlight = true;
  results.dataset.state = 'checking';
  const slow = setTimeout(() => { if (generation === state.generation) message.textContent = t('checking'); }, 400);
  try {
    const options = { kind, lang: language(), file: state.name };
    const result = kind === 'html' ? await checkHtmlOnPage(source, options) : await engine.check(source, options);
    if (generation === state.generation) render(result, source, kind); // else: stale, a newer check follows
  } catch (err) {
    if (generation === state.generation) showError(t('checkFailed'), err?.message ?? String(err));
  } finally {
    clearTimeout(slow);
    inFlight = false;
    if (again) { again = false; runCheck(); }
  }
}

// HTML is read with the browser's DOMParser, which workers do not have: HTML inputs (a paste, a file, an
// example) are checked on the page itself. They are not typed into (editing switches to the text), so typing
// never waits for them; text, which is typed into, is always checked in the worker.
let pageEngine = null;
/** The page's own engine (for HTML). Loaded soon after start, so that HTML can be checked with the network off. */
function loadPageEngine() {
  pageEngine ??= import('./checker.js').then(async (m) => { await m.load(); return m; });
  pageEngine.catch(() => { pageEngine = null; });
  return pageEngine;
}
async function checkHtmlOnPage(source, options) {
  const m = await loadPageEngine();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))); // let "checking" paint
  return m.check(source, options);
}

function hideResults() {
  summary.hidden = true;
  findingsBox.hidden = true;
  tablesBox.hidden = true;
  state.result = null;
  state.cells = null;
}

function showEmpty() {
  hideResults();
  message.textContent = t('empty');
  message.hidden = false;
  results.dataset.state = 'empty';
}

function showError(prefix, detail) {
  hideResults();
  message.textContent = prefix + detail;
  message.hidden = false;
  results.dataset.state = 'error';
  announce(prefix + detail);
}

function announce(text) {
  if (text === state.lastAnnouncement) return;
  state.lastAnnouncement = text;
  announcer.textContent = text;
}

// ---- rendering ------------------------------------------------------------------------------------------------

const sevKey = (s) => (SEVERITIES.includes(s) ? s : 'notice');

function countsOf(diagnostics) {
  const c = { error: 0, warning: 0, notice: 0 };
  for (const d of diagnostics) c[sevKey(d.severity)] += 1;
  return c;
}

function formatName(format) {
  return t('formatName')[format] ?? format ?? t('none');
}

const VERDICTS = ['pass', 'fail', 'incomplete', 'notReport'];

/**
 * The engine's verdict (summary.verdict): "pass" only when nothing is wrong and everything was checked. An
 * engine without one is never taken as passing while something was not checked.
 */
function verdictOf(result, counts) {
  const v = result.summary?.verdict;
  if (VERDICTS.includes(v)) return v;
  if (counts.error) return 'fail';
  return uncheckedOf(result).length ? 'incomplete' : 'pass';
}

/** What could not be checked, as listed under the verdict ("not a report" is the verdict itself). */
function uncheckedOf(result) {
  const list = Array.isArray(result.summary?.unchecked) ? result.summary.unchecked : [];
  return list.filter((u) => u.reason !== 'notReport');
}

function verdictText(v, counts, total, unchecked) {
  if (v === 'notReport') return t('notReport');
  if (v === 'incomplete') return t('incomplete', counts.warning, counts.notice);
  if (v === 'fail') return t('countLine', counts.error, counts.warning, counts.notice) + (unchecked.length ? t('alsoUnchecked') : '');
  if (total === 0) return t('passes');
  return t('noErrors', counts.warning, counts.notice);
}

/** The verdict and what could not be checked, in one line (the announcement). */
function verdictLine(v, counts, total, unchecked) {
  const head = verdictText(v, counts, total, unchecked);
  return unchecked.length ? `${head}${unchecked.map((u) => u.message).join('；')}。` : head;
}

/** Row and column names of a cell reference, for people. */
function cellWhere(ref, result) {
  if (!ref) return '';
  const parts = [t('tableName')[ref.table] ?? ref.table];
  if (ref.table === 'requests') {
    const spec = REQUEST_ROWS.find((r) => r.key === ref.row);
    if (spec) parts.push(pick(spec.label));
    if (REQUEST_COLUMNS[ref.column]) parts.push(pick(REQUEST_COLUMNS[ref.column]));
  } else if (ref.table === 'reviewLitigation') {
    if (ref.column >= 0 && ref.column < 15) {
      parts.push(pick(REVIEW_BLOCKS[Math.floor(ref.column / 5)]), pick(REVIEW_OUTCOMES[ref.column % 5]));
    }
  } else if (ref.table === 'active') {
    for (const b of activeBlocks(result.document?.format)) {
      const row = b.rows.find((r) => r[0] === ref.row);
      if (row) {
        parts.push(pick([row[1], row[2]]));
        if (b.columns[ref.column]) parts.push(pick(b.columns[ref.column]));
      }
    }
  }
  return parts.join(' · ');
}

function locationText(d, result) {
  const bits = [];
  if (d.line > 0) bits.push(t('lineCol', d.line, d.column));
  const where = cellWhere(d.cell, result);
  if (where) bits.push(where);
  return bits.join(' · ');
}

function render(result, source, kind) {
  state.result = result;
  state.checkedSource = source;
  state.checkedKind = kind;
  state.checks += 1;
  results.dataset.checks = String(state.checks);
  const doc = result.document ?? {};
  const diagnostics = Array.isArray(result.diagnostics) ? result.diagnostics : [];
  const counts = countsOf(diagnostics);
  const v = verdictOf(result, counts);
  const unchecked = uncheckedOf(result);

  // Summary.
  message.hidden = true;
  summary.hidden = false;
  summary.dataset.format = doc.format ?? 'unknown';
  summary.dataset.year = doc.year ?? '';
  summary.dataset.errors = String(counts.error);
  summary.dataset.warnings = String(counts.warning);
  summary.dataset.notices = String(counts.notice);
  summary.querySelector('[data-field="format"]').textContent = formatName(doc.format);
  summary.querySelector('[data-field="year"]').textContent = doc.year ?? t('none');
  summary.querySelector('[data-field="agency"]').textContent = doc.agency ?? t('none');
  summary.querySelector('[data-field="title"]').textContent = doc.title ?? t('none');
  verdict.textContent = verdictText(v, counts, diagnostics.length, unchecked);
  verdict.dataset.verdict = v;
  verdict.className = `verdict ${{ fail: 'fail', incomplete: 'incomplete', notReport: 'not-report' }[v] ?? (diagnostics.length === 0 ? 'pass' : 'soft')}`;
  const firstCut = unchecked.findIndex((u) => u.reason === 'cut');
  uncheckedList.replaceChildren(...unchecked.map((u, i) => uncheckedItem(u, i === firstCut ? doc.cut : null)));
  uncheckedList.hidden = unchecked.length === 0;
  copyNote.hidden = true;
  copyFallback.hidden = true;

  // Tables first: findings point into them.
  const { fragment, cells } = drawTables(result);
  tableList.replaceChildren(fragment);
  state.cells = cells;
  tablesBox.hidden = v === 'notReport'; // nothing was read as a report: no tables to show

  // Findings, grouped by severity, and their cells marked.
  const groups = [];
  diagnostics.forEach((d, i) => markCells(d, i, cells));
  for (const sev of SEVERITIES) {
    const list = diagnostics.map((d, i) => [d, i]).filter(([d]) => sevKey(d.severity) === sev);
    if (!list.length) continue;
    const heading = el('h4', { id: `group-${sev}`, class: `sev-${sev}`, text: t('severityGroup', t('severity')[sev], list.length) });
    const ol = el('ol', { class: 'finding-list', 'aria-labelledby': `group-${sev}` });
    for (const [d, i] of list) ol.append(findingItem(d, i, result));
    groups.push(el('section', { class: `group group-${sev}` }, heading, ol));
  }
  groupsBox.replaceChildren(...groups);
  findingsBox.hidden = diagnostics.length === 0;

  results.dataset.state = 'done';
  const shown = diagnostics.slice(0, 5).map((d) => `${t('severity')[sevKey(d.severity)]} ${d.code}：${d.message}`);
  const more = diagnostics.length > 5 ? ` …（+${diagnostics.length - 5}）` : '';
  announce(`${t('announce', formatName(doc.format), doc.year, verdictLine(v, counts, diagnostics.length, unchecked))} ${shown.join('；')}${more}`);
}

/** Where the text stops, for people ("" when it does not). */
function cutWhere(cut) {
  if (!(cut?.line > 0)) return '';
  const where = t('cutAt', t('lineCol', cut.line, cut.column));
  return language() === 'en' ? ` (${where})` : `（${where}）`;
}

/**
 * One part that could not be checked. `cut` is given to the first part cut off (every later one names the same
 * place): where the text stops, with a button to show it.
 */
function uncheckedItem(u, cut) {
  const li = el('li', { dataset: { unchecked: u.part ?? '', reason: u.reason ?? '' } }, el('span', { class: 'message', text: u.message ?? '' }));
  if (cut?.line > 0) {
    li.append(' ', el('span', { class: 'where', text: cutWhere(cut) }));
    const button = el('button', { type: 'button', class: 'locate', 'aria-label': t('locateCutLabel'), text: t('locateCut') });
    button.addEventListener('click', () => {
      showInSource(cut.offset, cut.offset);
      announce(t('located', t('cutAt', t('lineCol', cut.line, cut.column))));
    });
    li.append(' ', button);
  }
  return li;
}

const STATUS_RANK = { blank: 0, ok: 0, warning: 1, error: 2 };

function markCells(d, i, cells) {
  const sev = sevKey(d.severity);
  const primary = cells.find(d.cell, d.offset);
  if (primary) {
    if (sev !== 'notice' && STATUS_RANK[sev] > STATUS_RANK[primary.dataset.status]) primary.dataset.status = sev;
    primary.classList.add('flagged', `flag-${sev}`);
    primary.tabIndex = 0;
    const tip = primary.querySelector('.tip') ?? primary.appendChild(el('span', { class: 'tip' }));
    const entry = el('span', { class: 'tip-entry' }, el('strong', { text: `${d.code} ` }), d.message ?? '');
    for (const n of d.notes ?? []) entry.append(el('span', { class: 'tip-note', text: n }));
    tip.append(entry);
    (primary.findings ??= []).push(i);
  }
  for (const r of d.related ?? []) {
    const td = cells.find(r.cell, r.offset);
    if (td && td !== primary) td.classList.add('related');
  }
}

function findingItem(d, i, result) {
  const sev = sevKey(d.severity);
  const li = el('li', { id: `finding-${i}`, class: `finding sev-${sev}`, dataset: { code: d.code ?? '', severity: sev } });
  const head = el('p', { class: 'finding-head' },
    el('span', { class: 'badge', text: t('severity')[sev] }), ' ',
    el('a', { href: `rules.html#${encodeURIComponent(d.code ?? '')}`, class: 'code', 'aria-label': t('docLink', d.code), text: d.code ?? '' }), ' ',
    el('span', { class: 'name', text: d.name ?? '' }));
  if (d.outcome === 'needsReview') {
    li.dataset.outcome = 'needsReview';
    head.append(' ', el('span', { class: 'review', text: t('needsReview') }));
  }
  li.append(head, el('p', { class: 'message', text: d.message ?? '' }));
  const where = locationText(d, result);
  if (where) li.append(el('p', { class: 'where', text: where }));
  if (d.notes?.length) li.append(el('ul', { class: 'notes' }, ...d.notes.map((n) => el('li', { text: n }))));
  if (d.related?.length) {
    li.append(el('ul', { class: 'related-list', 'aria-label': t('related') }, ...d.related.map((r) => el('li', { text: `${t('related')}${r.message ?? ''}${r.line ? ` (${t('lineCol', r.line, r.column)})` : ''}` }))));
  }
  if (d.fix?.message) li.append(el('p', { class: 'fix', text: t('fix') + d.fix.message }));
  const canLocate = d.line > 0 || d.cell;
  if (canLocate) {
    const button = el('button', { type: 'button', class: 'locate', 'aria-label': t('locateLabel', d.code), text: t('locate') });
    button.addEventListener('click', (event) => { event.stopPropagation(); locate(i); });
    li.append(button);
    li.addEventListener('click', (event) => {
      if (event.target.closest('a, button')) return;
      if (window.getSelection()?.toString()) return; // the user is selecting the message's text
      locate(i);
    });
  }
  return li;
}

// ---- locating a finding: its cell and its source text ----------------------------------------------------------

function locate(i) {
  const d = state.result?.diagnostics?.[i];
  if (!d) return;
  for (const old of document.querySelectorAll('.current')) old.classList.remove('current');
  document.getElementById(`finding-${i}`)?.classList.add('current');

  const start = Math.max(0, d.offset ?? 0);
  const end = start + Math.max(0, d.length ?? 0);
  if (d.line > 0) showInSource(start, end);
  const td = state.cells?.find(d.cell, d.offset);
  if (td) {
    td.classList.add('current');
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  announce(t('located', locationText(d, state.result) || d.code));
}

/** Select a span of the checked source: in the textarea (text), or marked in the HTML source view. */
function showInSource(start, end) {
  if (state.checkedKind === 'text' && input.value === state.checkedSource) selectInTextarea(start, end);
  else if (state.checkedKind === 'html' && state.html === state.checkedSource) markInSource(start, end);
}

function selectInTextarea(start, end) {
  const text = input.value;
  if (end <= start) { // a point: select to the end of its line
    const nl = text.indexOf('\n', start);
    end = nl === -1 ? text.length : nl;
    if (end <= start) end = Math.min(text.length, start + 1);
  }
  input.focus({ preventScroll: true });
  input.setSelectionRange(start, end);
  input.scrollTop = Math.max(0, caretTop(start) - input.clientHeight / 3);
  if (!isVisible(input)) input.scrollIntoView({ block: 'nearest' });
}

/** Pixel offset of a character in the textarea, measured on a hidden copy with the same wrapping. */
function caretTop(offset) {
  const style = getComputedStyle(input);
  const mirror = document.createElement('div');
  for (const p of ['font', 'lineHeight', 'letterSpacing', 'padding', 'border', 'boxSizing', 'whiteSpace', 'wordBreak', 'overflowWrap', 'tabSize']) {
    mirror.style[p] = style[p];
  }
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.width = `${input.clientWidth}px`;
  mirror.textContent = input.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  document.body.append(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  return top;
}

function isVisible(node) {
  const r = node.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

function markInSource(start, end) {
  const html = state.checkedSource;
  if (end <= start) end = Math.min(html.length, start + 1);
  const mark = el('mark', { text: html.slice(start, end) });
  sourcePre.replaceChildren(html.slice(0, start), mark, html.slice(end));
  sourceView.open = true;
  sourcePre.scrollTop = Math.max(0, mark.offsetTop - sourcePre.offsetTop - sourcePre.clientHeight / 3);
}

// ---- the arithmetic of a flagged cell, on hover or focus ------------------------------------------------------

const floatingTip = el('div', { class: 'floating-tip', 'aria-hidden': 'true', hidden: true, 'data-tooltip': '' });
document.body.append(floatingTip);

function showTip(td) {
  const tip = td.querySelector('.tip');
  if (!tip) return;
  floatingTip.replaceChildren(...[...tip.childNodes].map((n) => n.cloneNode(true)));
  floatingTip.hidden = false;
  const r = td.getBoundingClientRect();
  const w = floatingTip.offsetWidth;
  const h = floatingTip.offsetHeight;
  const left = Math.min(Math.max(8, r.right - w), window.innerWidth - w - 8);
  const top = r.bottom + 6 + h > window.innerHeight ? Math.max(8, r.top - h - 6) : r.bottom + 6;
  floatingTip.style.left = `${left}px`;
  floatingTip.style.top = `${top}px`;
}
function hideTip() { floatingTip.hidden = true; }

tableList.addEventListener('mouseover', (e) => { const td = e.target.closest('td.flagged'); if (td) showTip(td); });
tableList.addEventListener('mouseout', (e) => { if (e.target.closest('td.flagged') && !e.relatedTarget?.closest?.('td.flagged')) hideTip(); });
tableList.addEventListener('focusin', (e) => { const td = e.target.closest('td.flagged'); if (td) showTip(td); else hideTip(); });
tableList.addEventListener('focusout', hideTip);
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });
window.addEventListener('scroll', hideTip, { passive: true });

// ---- copy and download ----------------------------------------------------------------------------------------

function markdown() {
  const r = state.result;
  const doc = r.document ?? {};
  const diagnostics = r.diagnostics ?? [];
  const counts = countsOf(diagnostics);
  const v = verdictOf(r, counts);
  const unchecked = uncheckedOf(r);
  const colon = language() === 'en' ? ': ' : '：';
  const lines = [`# ${t('mdTitle')}${state.name ? `${colon}${state.name}` : ''}`, ''];
  lines.push(`- ${t('format')}${colon}${formatName(doc.format)}`);
  lines.push(`- ${t('year')}${colon}${doc.year ?? t('none')}`);
  lines.push(`- ${t('agency')}${colon}${doc.agency ?? t('none')}`);
  lines.push(`- ${t('counts')}${colon}${t('countLine', counts.error, counts.warning, counts.notice)}`);
  lines.push(`- ${t('verdictLabel')}${colon}${verdictText(v, counts, diagnostics.length, unchecked)}`);
  const firstCut = unchecked.findIndex((u) => u.reason === 'cut');
  unchecked.forEach((u, i) => lines.push(`  - ${u.message}${i === firstCut ? cutWhere(doc.cut) : ''}`));
  lines.push('');
  if (!diagnostics.length && v === 'pass') lines.push(t('mdNoFindings'));
  for (const sev of SEVERITIES) {
    const list = diagnostics.filter((d) => sevKey(d.severity) === sev);
    if (!list.length) continue;
    lines.push(`## ${t('severityGroup', t('severity')[sev], list.length)}`, '');
    for (const d of list) {
      const where = locationText(d, r);
      lines.push(`- \`${d.code}\` ${d.message}${where ? `（${where}）` : ''}`);
      for (const n of d.notes ?? []) lines.push(`  - ${n}`);
      if (d.fix?.message) lines.push(`  - ${t('fix')}${d.fix.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

$('[data-action="copy"]').addEventListener('click', async () => {
  if (!state.result) return;
  const md = markdown();
  copyFallback.value = md;
  try {
    await navigator.clipboard.writeText(md);
    copyNote.textContent = t('copied');
    copyFallback.hidden = true;
  } catch {
    copyNote.textContent = t('copyFailed');
    copyFallback.hidden = false;
    copyFallback.select();
  }
  copyNote.hidden = false;
  announce(copyNote.textContent);
});

$('[data-action="download"]').addEventListener('click', () => {
  if (!state.result) return;
  const blob = new Blob([JSON.stringify(state.result, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `${(state.name || 'report').replace(/\.[^.]*$/, '')}.nianbao.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// ---- a report handed over by the browser extension ("open in the full checker") ------------------------------

/** The extension opens this page as index.html?preload=KEY, the report stored under KEY in its session storage. */
async function takePreload() {
  const key = new URLSearchParams(location.search).get('preload');
  const store = globalThis.chrome?.storage?.session;
  if (!key || !store) return false;
  const { [key]: item } = await store.get(key);
  // A one-shot hand-off: the copy of the portal page is deleted as soon as it is read.
  await store.remove(key);
  if (!item?.html) return false;
  setHtmlInput(item.html, htmlToText(item.html), { type: 'example', name: item.name ?? '' });
  return true;
}

// ---- start ----------------------------------------------------------------------------------------------------

applyLanguage();
message.textContent = t('loadingEngine');
try {
  engine = new CheckerWorker(new URL('./worker.js', import.meta.url));
  $('[data-version]').textContent = await engine.version();
  input.disabled = false;
  results.dataset.state = 'idle';
  (globalThis.requestIdleCallback ?? setTimeout)(() => loadPageEngine().catch(() => {}));
  if (await takePreload().catch(() => false)) { /* checking the extension's report */ } else if (input.value.trim()) inputChanged(); else showEmpty();
  input.focus();
} catch (err) {
  results.dataset.state = 'error';
  message.textContent = t('engineFailed') + (err?.message ?? err);
}
