// Draws the extracted tables 二, 三 and 四 in their official layout from the JSON contract. Every value cell gets
// data-table, data-row (the contract's row key; `values` for table 四), data-col (0-based) and data-status.
// A table that could not be checked (summary.unchecked: not found, cut off, no numbers, rows missing…) says so
// beside it, and its rows that are not in the text are marked: an unread table never looks like a correct one.
// Cell text comes from the report and is only ever set as textContent.
import { t, pick } from './i18n.js';
import {
  REQUEST_COLUMNS, REQUEST_GROUPS, RESULT_PART_LABEL, requestRows,
  REVIEW_OUTCOMES, REVIEW_BLOCKS, LITIGATION_LABEL, activeBlocks,
} from './layout.js';

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** Index of drawn cells: by structural reference, and in source order for offset look-ups. */
class CellIndex {
  constructor() { this.byRef = new Map(); this.all = []; }
  add(td, table, row, col, cell) {
    this.byRef.set(`${table}|${row}|${col}`, td);
    this.all.push({ td, table, offset: cell?.offset, length: cell?.length ?? 0 });
  }
  /** The drawn cell a finding's cell reference points at; falls back to the source offset (rows added by the report). */
  find(ref, offset) {
    if (!ref) return null;
    const direct = this.byRef.get(`${ref.table}|${ref.row}|${ref.column}`);
    if (direct) return direct;
    if (typeof offset !== 'number') return null;
    const hit = this.all.find((c) => c.table === ref.table && typeof c.offset === 'number'
      && offset >= c.offset && offset < c.offset + Math.max(1, c.length));
    return hit?.td ?? null;
  }
}

function valueCell(index, table, rowKey, col, row, header) {
  const cell = row?.cells?.[col];
  const kind = cell?.kind ?? 'missing';
  const shown = cell && cell.raw !== '' ? cell.raw : null;
  const td = el('td', {
    class: `value kind-${kind}`,
    dataset: { table, row: rowKey, col: String(col), status: kind === 'number' ? 'ok' : 'blank' },
    headers: header,
  });
  const v = el('span', { class: 'v', text: shown ?? (cell ? t('blank') : t('missingCell')) });
  td.append(v);
  index.add(td, table, rowKey, col, cell);
  return td;
}

/** What the engine could not check in a table (`part`: active | requests | reviewLitigation). */
function uncheckedOf(result, part) {
  const list = Array.isArray(result.summary?.unchecked) ? result.summary.unchecked : [];
  return list.filter((u) => u.part === part);
}

/** The table in its scroll box, and before it what of it could not be checked. */
function captioned(captionText, table, extraClass, part, unchecked) {
  const wrap = el('div', { class: `table-wrap ${extraClass}`, role: 'region', tabindex: '0', 'aria-label': captionText });
  table.prepend(el('caption', { text: captionText }));
  wrap.append(table);
  if (!unchecked.length) return wrap;
  const id = `unchecked-${part}`;
  const note = el('div', { class: 'table-unchecked', id, dataset: { tableUnchecked: part } },
    el('p', { class: 'table-unchecked-head', text: t('tableUnchecked') }),
    el('ul', {}, ...unchecked.map((u) => el('li', { dataset: { reason: u.reason ?? '' }, text: u.message ?? '' }))));
  wrap.classList.add('partly-checked');
  wrap.setAttribute('aria-describedby', id);
  const frag = document.createDocumentFragment();
  frag.append(note, wrap);
  return frag;
}

/** A table that is not in the text: why it could not be checked, in the engine's words. */
function notFound(title, part, unchecked) {
  const box = el('div', { class: 'table-missing', dataset: unchecked.length ? { tableUnchecked: part } : {} }, el('h4', { text: title }));
  if (unchecked.length) box.append(...unchecked.map((u) => el('p', { dataset: { reason: u.reason ?? '' }, text: u.message ?? '' })));
  else box.append(el('p', { text: t('notFound') }));
  return box;
}

/** The label of a template row that is not in the text. */
function notInText(th) {
  th.append(el('span', { class: 'extra-note', text: t('rowNotInText') }));
  return th;
}

/** Table 二: blocks 第二十条第（一）（五）（六）（八）… with their own column headers. */
function drawActive(result, index) {
  const active = result.tables?.active;
  const title = t('tableActive');
  const unchecked = uncheckedOf(result, 'active');
  if (!active) return notFound(title, 'active', unchecked);
  const blocks = activeBlocks(result.document?.format);
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const table = el('table', { class: 'official active' });
  for (const [bi, b] of blocks.entries()) {
    const tbody = el('tbody');
    tbody.append(el('tr', { class: 'block' }, el('th', { colspan: width, scope: 'colgroup', id: `t2-b${bi}`, text: pick(b.block) })));
    const head = el('tr', {}, el('th', { scope: 'col', id: `t2-b${bi}-c`, text: t('content') }));
    b.columns.forEach((c, ci) => {
      const last = ci === b.columns.length - 1;
      head.append(el('th', { scope: 'col', id: `t2-b${bi}-c${ci}`, colspan: last && width - 1 > b.columns.length ? width - b.columns.length : null, text: pick(c) }));
    });
    tbody.append(head);
    for (const [key, zh, en] of b.rows) {
      const row = active[key];
      const th = el('th', { scope: 'row', id: `t2-${key}`, text: pick([zh, en]) });
      const tr = el('tr', { class: row ? null : 'row-missing' }, row ? th : notInText(th));
      b.columns.forEach((_, ci) => {
        const td = valueCell(index, 'active', key, ci, row, `t2-b${bi}-c${ci} t2-${key}`);
        if (ci === b.columns.length - 1 && width - 1 > b.columns.length) td.colSpan = width - b.columns.length;
        tr.append(td);
      });
      tbody.append(tr);
    }
    table.append(tbody);
  }
  return captioned(title, table, 'wrap-active', 'active', unchecked);
}

/** Table 三: 7 applicant columns; rows in template order with the report's own added rows in place. */
function drawRequests(result, index) {
  const req = result.tables?.requests;
  const title = t('tableRequests');
  const unchecked = uncheckedOf(result, 'requests');
  if (!req) return notFound(title, 'requests', unchecked);
  const rows = req.rows ?? {};
  const extras = Array.isArray(req.extraRows) ? req.extraRows : [];
  const template = requestRows(result.document?.format);

  // Display order: template rows, each followed by the report's rows added after it.
  const display = [];
  const placed = new Set();
  for (const spec of template) {
    display.push({ spec, key: spec.key, row: rows[spec.key] });
    extras.forEach((x, i) => {
      if (!placed.has(i) && x.after === spec.key) {
        placed.add(i);
        display.push({ extra: true, key: x.key ?? `extra:${i}`, row: x, group: REQUEST_GROUPS[x.group] ? x.group : spec.group, part: spec.part === 'intake' ? 'result' : spec.part });
      }
    });
  }
  extras.forEach((x, i) => { if (!placed.has(i)) display.push({ extra: true, key: x.key ?? `extra:${i}`, row: x, group: REQUEST_GROUPS[x.group] ? x.group : undefined, part: 'result' }); });
  for (const d of display) { d.part ??= d.spec.part; if (!d.extra) d.group = d.spec.group; }

  const table = el('table', { class: 'official requests' });
  const thead = el('thead');
  const corner = el('th', { rowspan: 3, colspan: 3, scope: 'col', class: 'corner', id: 't3-corner', text: t('cornerNote') });
  thead.append(el('tr', {}, corner, el('th', { colspan: 7, scope: 'colgroup', id: 't3-applicant', text: t('applicant') })));
  const c = REQUEST_COLUMNS;
  thead.append(el('tr', {},
    el('th', { rowspan: 2, scope: 'col', id: 't3-c0', text: pick(c[0]) }),
    el('th', { colspan: 5, scope: 'colgroup', id: 't3-legal', text: t('legalPersons') }),
    el('th', { rowspan: 2, scope: 'col', id: 't3-c6', text: pick(c[6]) })));
  thead.append(el('tr', {}, ...[1, 2, 3, 4, 5].map((i) => el('th', { scope: 'col', id: `t3-c${i}`, text: pick(c[i]) }))));
  table.append(thead);

  const tbody = el('tbody');
  const resultCount = display.filter((d) => d.part === 'result').length;
  let resultHeaderDone = false;
  const groupDone = new Set();
  display.forEach((d, di) => {
    const tr = el('tr', { class: d.extra ? 'extra-row' : d.row ? null : 'row-missing' });
    const rowId = `t3-r${di}`;
    const label = d.extra ? `${d.row.label ?? ''}` : pick(d.spec.label);
    const labelTh = (colspan) => {
      const th = el('th', { scope: 'row', id: rowId, colspan: colspan > 1 ? colspan : null, text: label });
      if (d.extra) th.append(el('span', { class: 'extra-note', text: ` ${t('extraRow')}` }));
      else if (!d.row) notInText(th);
      return th;
    };
    if (d.part !== 'result') {
      tr.append(labelTh(3));
    } else {
      if (!resultHeaderDone) {
        tr.append(el('th', { scope: 'rowgroup', rowspan: resultCount, class: 'part', text: pick(RESULT_PART_LABEL) }));
        resultHeaderDone = true;
      }
      if (d.group) {
        if (!groupDone.has(d.group)) {
          const n = display.filter((x) => x.part === 'result' && x.group === d.group).length;
          tr.append(el('th', { scope: 'rowgroup', rowspan: n, class: 'group', text: pick(REQUEST_GROUPS[d.group]) }));
          groupDone.add(d.group);
        }
        tr.append(labelTh(1));
      } else {
        tr.append(labelTh(2));
      }
    }
    for (let col = 0; col < 7; col++) {
      tr.append(valueCell(index, 'requests', d.key, col, d.row, `t3-c${col} ${rowId}`));
    }
    if (d.extra) for (const td of tr.querySelectorAll('td')) td.dataset.extra = '';
    tbody.append(tr);
  });
  table.append(tbody);
  return captioned(title, table, 'wrap-requests', 'requests', unchecked);
}

/** Table 四: 行政复议 (5) | 行政诉讼: 未经复议直接起诉 (5), 复议后起诉 (5); one row of fifteen numbers. */
function drawReview(result, index) {
  const review = result.tables?.reviewLitigation;
  const title = t('tableReview');
  const unchecked = uncheckedOf(result, 'reviewLitigation');
  if (!review) return notFound(title, 'reviewLitigation', unchecked);
  const table = el('table', { class: 'official review' });
  const thead = el('thead');
  thead.append(el('tr', {},
    el('th', { colspan: 5, scope: 'colgroup', id: 't4-b0', text: pick(REVIEW_BLOCKS[0]) }),
    el('th', { colspan: 10, scope: 'colgroup', id: 't4-lit', text: pick(LITIGATION_LABEL) })));
  const second = el('tr');
  REVIEW_OUTCOMES.forEach((o, i) => second.append(el('th', { rowspan: 2, scope: 'col', id: `t4-c${i}`, text: pick(o) })));
  second.append(el('th', { colspan: 5, scope: 'colgroup', id: 't4-b1', text: pick(REVIEW_BLOCKS[1]) }));
  second.append(el('th', { colspan: 5, scope: 'colgroup', id: 't4-b2', text: pick(REVIEW_BLOCKS[2]) }));
  thead.append(second);
  const third = el('tr');
  for (let b = 1; b < 3; b++) REVIEW_OUTCOMES.forEach((o, i) => third.append(el('th', { scope: 'col', id: `t4-c${b * 5 + i}`, text: pick(o) })));
  thead.append(third);
  table.append(thead);
  const tr = el('tr');
  for (let col = 0; col < 15; col++) {
    const block = col < 5 ? 't4-b0' : `t4-lit t4-b${Math.floor(col / 5)}`;
    tr.append(valueCell(index, 'reviewLitigation', 'values', col, review, `${block} t4-c${col}`));
  }
  table.append(el('tbody', {}, tr));
  return captioned(title, table, 'wrap-review', 'reviewLitigation', unchecked);
}

/** Draw the three tables; returns the fragment and the index of drawn cells. */
export function drawTables(result) {
  const index = new CellIndex();
  const frag = document.createDocumentFragment();
  frag.append(drawActive(result, index), drawRequests(result, index), drawReview(result, index));
  return { fragment: frag, cells: index };
}

export { el };
