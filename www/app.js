// First minimal page: paste a report, see what the checker finds.
// Report text is only ever shown through textContent, never as HTML.
import init, { check, version } from './pkg/nianbao.js';

const DEBOUNCE_MS = 300;

const SEVERITY_LABEL = { error: '错误', warning: '警告', notice: '提示', info: '提示', E: '错误', W: '警告', N: '提示' };
const FORMAT_LABEL = { 2021: '2021 年格式', 2019: '2019 年格式', pre2019: '2019 年以前', unknown: '无法识别' };

const input = document.querySelector('[data-input]');
const status = document.querySelector('[data-status]');
const summary = document.querySelector('[data-summary]');
const list = document.querySelector('[data-diagnostics]');

function field(name, value) {
  summary.querySelector(`[data-field="${name}"]`).textContent = value ?? '—';
}

function severityKey(severity) {
  const s = String(severity ?? '').toLowerCase();
  return s.startsWith('e') ? 'error' : s.startsWith('w') ? 'warning' : 'notice';
}

function renderDiagnostic(d) {
  const item = document.createElement('li');
  const key = severityKey(d.severity);
  item.className = `diagnostic ${key}`;

  const badge = document.createElement('span');
  badge.className = 'severity';
  badge.textContent = SEVERITY_LABEL[d.severity] ?? SEVERITY_LABEL[key];

  const code = document.createElement('code');
  code.textContent = d.code ?? '';

  const where = document.createElement('span');
  where.className = 'where';
  where.textContent = d.line != null ? `第 ${d.line} 行，第 ${d.column ?? 1} 列` : '';

  const message = document.createElement('p');
  message.textContent = d.message ?? '';

  item.append(badge, ' ', code, ' ', where, message);
  return item;
}

function render(result) {
  const doc = result?.document ?? {};
  const diagnostics = Array.isArray(result?.diagnostics) ? result.diagnostics : [];

  field('format', FORMAT_LABEL[doc.format] ?? doc.format);
  field('year', doc.year);
  field('title', doc.title);
  summary.hidden = false;

  const counts = { error: 0, warning: 0, notice: 0 };
  for (const d of diagnostics) counts[severityKey(d.severity)] += 1;
  status.textContent = diagnostics.length === 0
    ? '未发现问题。'
    : `发现 ${diagnostics.length} 个问题：错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.notice} 个。`;

  list.replaceChildren(...diagnostics.map(renderDiagnostic));
}

function run() {
  const text = input.value;
  if (text.trim() === '') {
    summary.hidden = true;
    list.replaceChildren();
    status.textContent = '请粘贴报告全文。';
    return;
  }
  try {
    render(check(text, {}));
  } catch (err) {
    summary.hidden = true;
    list.replaceChildren();
    status.textContent = `检查失败：${err?.message ?? err}`;
  }
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

try {
  await init();
  document.querySelector('[data-version]').textContent = version();
  input.disabled = false;
  input.addEventListener('input', schedule);
  run();
  input.focus();
} catch (err) {
  status.textContent = `无法加载检查引擎（WebAssembly）：${err?.message ?? err}`;
}
