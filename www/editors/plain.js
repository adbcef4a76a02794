// Adapters for attach() (www/checker.js): what every adapter provides, the plain <textarea> and contenteditable
// adapters, and helpers the editor adapters share.
//
// An adapter is an object with
//   source()                   → { element } (checked as shown, checkElement) or { text, kind }
//   subscribe(onEdit)          → a function that unsubscribes; onEdit() after every edit by the writer
//   mark(result)               draw the findings' cells inside the editor, never into its saved content
//   unmark()                   remove every mark
//   applyFix(diagnostic, result)  put fix.replacement into fix.cell through the editor's own command (undoable)
//   locate(diagnostic, result) scroll to the cell and put the caret there
//   content()                  the editor's saved content
//   destroy()                  (optional) undo whatever the adapter set up
// Report text is never written as HTML: marks are ranges, attributes, or text nodes.

export const SEVERITIES = ['error', 'warning', 'notice'];
const rank = (s) => (SEVERITIES.includes(s) ? SEVERITIES.indexOf(s) : 2);

/** The contract's table cell named by a CellRef ({ table, row, column }), or null. */
export function cellOf(result, ref) {
  if (!ref || !result?.tables) return null;
  const t = result.tables;
  if (ref.table === 'requests') {
    const row = t.requests?.rows?.[ref.row] ?? t.requests?.extraRows?.find((r) => r.key === ref.row);
    return row?.cells?.[ref.column] ?? null;
  }
  if (ref.table === 'reviewLitigation') return t.reviewLitigation?.cells?.[ref.column] ?? null;
  if (ref.table === 'active') return t.active?.[ref.row]?.cells?.[ref.column] ?? null;
  return null;
}

/**
 * What to mark: one entry per cell a finding is about, worst severity first wins the cell.
 * Each { element?, offset?, length?, severity, codes, diagnostics }.
 */
export function markTargets(result) {
  const byKey = new Map();
  for (const d of result?.diagnostics ?? []) {
    const cell = cellOf(result, d.cell);
    const element = d.element ?? cell?.element ?? null;
    let key;
    let target;
    if (element) { key = element; target = { element }; }
    else if (cell && Number.isInteger(cell.offset) && cell.length > 0) { key = `o${cell.offset}`; target = { offset: cell.offset, length: cell.length }; }
    else continue;
    let entry = byKey.get(key);
    if (!entry) { entry = { ...target, severity: d.severity, codes: [], diagnostics: [] }; byKey.set(key, entry); }
    if (rank(d.severity) < rank(entry.severity)) entry.severity = d.severity;
    entry.codes.push(d.code);
    entry.diagnostics.push(d);
  }
  return [...byKey.values()];
}

/** The element of the cell a fix is for (checkElement results). */
export function fixElement(diagnostic, result) {
  return cellOf(result, diagnostic.fix?.cell)?.element ?? (sameCell(diagnostic.fix?.cell, diagnostic.cell) ? diagnostic.element : null) ?? null;
}
const sameCell = (a, b) => a && b && a.table === b.table && a.row === b.row && a.column === b.column;

/** The text nodes under `el` that hold text, in order. */
export function textNodes(el) {
  const out = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim()) out.push(n);
  return out;
}

export const CSS_MARKS = `
::highlight(nianbao-error) { background-color: rgba(220, 38, 38, .22); text-decoration: underline wavy #dc2626; }
::highlight(nianbao-warning) { background-color: rgba(217, 119, 6, .22); text-decoration: underline wavy #d97706; }
::highlight(nianbao-notice) { background-color: rgba(37, 99, 235, .16); text-decoration: underline dotted #2563eb; }`;

/**
 * Marks by the CSS Custom Highlight API in `doc`'s window: ranges over cells, no node added to the content.
 * The ::highlight() rules go into a <style> in the document's <head> (outside any editor's body).
 */
export function highlighter(doc) {
  const win = doc.defaultView;
  const supported = Boolean(win?.CSS?.highlights && win.Highlight);
  const names = SEVERITIES.map((s) => `nianbao-${s}`);
  return {
    supported,
    draw(targets) {
      if (!supported) return;
      if (!doc.getElementById('nianbao-highlight-style')) {
        const style = doc.createElement('style');
        style.id = 'nianbao-highlight-style';
        style.textContent = CSS_MARKS;
        (doc.head ?? doc.documentElement).appendChild(style);
      }
      const sets = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
      for (const t of targets) {
        if (!t.element?.isConnected) continue;
        const range = doc.createRange();
        range.selectNodeContents(t.element);
        sets[t.severity]?.push(range);
      }
      SEVERITIES.forEach((s, i) => {
        if (sets[s].length) win.CSS.highlights.set(names[i], new win.Highlight(...sets[s]));
        else win.CSS.highlights.delete(names[i]);
      });
    },
    clear() {
      if (!supported) return;
      for (const n of names) win.CSS.highlights.delete(n);
      doc.getElementById('nianbao-highlight-style')?.remove();
    },
  };
}

/** Select the contents of `el` in its document (a caret/selection the editor's own commands then act on). */
export function selectContents(el) {
  const doc = el.ownerDocument;
  const nodes = textNodes(el);
  const range = doc.createRange();
  if (nodes.length) { range.setStart(nodes[0], 0); range.setEnd(nodes[nodes.length - 1], nodes[nodes.length - 1].length); }
  else range.selectNodeContents(el);
  const sel = doc.defaultView.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

/** The adapter for a <textarea>/<input> or a contenteditable element. */
export function plainAdapter(target) {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return textareaAdapter(target);
  if (target instanceof Element) return elementAdapter(target);
  throw new TypeError('attach(): 需要 textarea、contenteditable 元素或编辑器适配器 / expected a textarea, a contenteditable element or an editor adapter');
}

/**
 * A <textarea>: checked as text (in a worker). Marks are an overlay laid over the textarea (pointer-events: none,
 * transparent text, the same font and wrapping), holding the text as text nodes and <mark>s at the cells.
 */
export function textareaAdapter(ta) {
  const doc = ta.ownerDocument;
  let overlay = null;
  let observer = null;
  const sync = () => { if (overlay) { overlay.scrollTop = ta.scrollTop; overlay.scrollLeft = ta.scrollLeft; } };
  const place = () => {
    if (!overlay) return;
    const cs = getComputedStyle(ta);
    for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'tabSize',
      'textAlign', 'textIndent', 'direction', 'paddingTop', 'paddingLeft', 'paddingBottom', 'borderTopWidth', 'borderRightWidth',
      'borderBottomWidth', 'borderLeftWidth', 'boxSizing', 'whiteSpace', 'wordBreak', 'overflowWrap', 'borderRadius']) overlay.style[p] = cs[p];
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    overlay.style.paddingRight = `${(parseFloat(cs.paddingRight) || 0) + scrollbar}px`;
    overlay.style.boxSizing = 'border-box';
    overlay.style.borderStyle = 'solid';
    overlay.style.borderColor = 'transparent';
    overlay.style.left = `${ta.offsetLeft}px`;
    overlay.style.top = `${ta.offsetTop}px`;
    overlay.style.width = `${ta.offsetWidth}px`;
    overlay.style.height = `${ta.offsetHeight}px`;
    sync();
  };
  const onInput = () => { if (overlay) overlay.hidden = true; }; // marks of the old text are stale until the next result
  ta.addEventListener('scroll', sync);
  ta.addEventListener('input', onInput);
  return {
    target: ta,
    source: () => ({ text: ta.value, kind: 'auto' }),
    subscribe(onEdit) {
      ta.addEventListener('input', onEdit);
      return () => ta.removeEventListener('input', onEdit);
    },
    mark(result) {
      const text = ta.value;
      if (!overlay) {
        overlay = doc.createElement('div');
        overlay.className = 'nianbao-overlay';
        overlay.setAttribute('aria-hidden', 'true');
        Object.assign(overlay.style, { position: 'absolute', pointerEvents: 'none', color: 'transparent', overflow: 'hidden', margin: '0', background: 'transparent', zIndex: '1' });
        if (getComputedStyle(ta.offsetParent ?? doc.body).position === 'static' && ta.offsetParent && ta.offsetParent !== doc.body) ta.offsetParent.style.position = 'relative';
        ta.insertAdjacentElement('afterend', overlay);
        observer = new ResizeObserver(place);
        observer.observe(ta);
      }
      const targets = markTargets(result).filter((t) => t.offset != null && t.offset + t.length <= text.length).sort((a, b) => a.offset - b.offset);
      const frag = doc.createDocumentFragment();
      let at = 0;
      for (const t of targets) {
        if (t.offset < at) continue; // overlapping spans: the first wins
        frag.append(doc.createTextNode(text.slice(at, t.offset)));
        const m = doc.createElement('mark');
        m.className = `nianbao-mark nianbao-${t.severity}`;
        m.dataset.codes = t.codes.join(' ');
        m.dataset.severity = t.severity;
        m.dataset.offset = String(t.offset);
        m.textContent = text.slice(t.offset, t.offset + t.length);
        const color = { error: 'rgba(220,38,38,.3)', warning: 'rgba(217,119,6,.3)', notice: 'rgba(37,99,235,.22)' }[t.severity];
        Object.assign(m.style, { background: color, color: 'transparent', borderRadius: '2px', padding: '0', boxShadow: `0 2px 0 ${color}` });
        frag.append(m);
        at = t.offset + t.length;
      }
      frag.append(doc.createTextNode(text.slice(at) + '\u200b'));
      overlay.replaceChildren(frag);
      overlay.hidden = false;
      place();
    },
    unmark() {
      observer?.disconnect();
      overlay?.remove();
      overlay = null;
      observer = null;
    },
    applyFix(d, result) {
      const cell = cellOf(result, d.fix.cell);
      if (!cell || !Number.isInteger(cell.offset)) return false;
      ta.focus();
      ta.setSelectionRange(cell.offset, cell.offset + (cell.length ?? 0));
      // insertText keeps the browser's own undo stack (Ctrl+Z reverts the fix); it fires the input event.
      if (!doc.execCommand('insertText', false, d.fix.replacement)) {
        ta.setRangeText(d.fix.replacement, cell.offset, cell.offset + (cell.length ?? 0), 'end');
        ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: d.fix.replacement }));
      }
      return true;
    },
    locate(d, result) {
      const cell = cellOf(result, d.cell);
      const offset = cell?.offset ?? d.offset;
      const length = cell?.length ?? d.length ?? 0;
      if (!Number.isInteger(offset)) return;
      ta.focus();
      ta.setSelectionRange(offset, offset + length);
      const m = overlay?.querySelector(`mark[data-offset="${offset}"]`);
      if (m) ta.scrollTop = Math.max(0, m.offsetTop - ta.clientHeight / 3);
    },
    content: () => ta.value,
    destroy() {
      ta.removeEventListener('scroll', sync);
      ta.removeEventListener('input', onInput);
    },
  };
}

/** A contenteditable element (or any element): checked as shown; marks by the CSS Custom Highlight API. */
export function elementAdapter(el) {
  const hl = highlighter(el.ownerDocument);
  return {
    target: el,
    source: () => ({ element: el }),
    subscribe(onEdit) {
      el.addEventListener('input', onEdit);
      return () => el.removeEventListener('input', onEdit);
    },
    mark(result) { hl.draw(markTargets(result).filter((t) => t.element)); },
    unmark() { hl.clear(); },
    applyFix(d, result) {
      const td = fixElement(d, result);
      if (!td?.isConnected) return false;
      el.focus();
      selectContents(td);
      // The browser's editing command: one undo step, and an input event.
      return el.ownerDocument.execCommand('insertText', false, d.fix.replacement);
    },
    locate(d) {
      if (!d.element?.isConnected) return;
      d.element.scrollIntoView({ block: 'center' });
      el.focus();
      selectContents(d.element);
    },
    content: () => el.innerHTML,
  };
}

/**
 * A cleaner for checkCopy(): removes the elements matching `remove` (an editor's UI and bogus nodes), unwraps
 * those matching `unwrap`, and deletes the caret filler characters `fillers` from text, so the engine reads what
 * the editor would save.
 */
export function cleaner({ remove = '', unwrap = '', fillers = '' } = {}) {
  const re = fillers ? new RegExp(`[${fillers}]`, 'g') : null;
  return (root) => {
    if (remove) for (const el of root.querySelectorAll(remove)) el.remove();
    if (unwrap) for (const el of root.querySelectorAll(unwrap)) el.replaceWith(...el.childNodes);
    if (re) {
      const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (re.test(n.data)) n.data = n.data.replace(re, '');
    }
  };
}

/** Register an editor adapter on the element `<nianbao-check for="ID">` names (each editor adapter does this). */
export function registerAdapter(element, adapter) {
  if (!element) return;
  element.nianbaoAdapter = adapter;
  element.dispatchEvent(new CustomEvent('nianbao-adapter', { bubbles: true }));
}
