// How the editor tests reach into each demo page (www/demo/): where the editable root is, how to read the saved
// content, what counts as a mark, how to select a cell for typing and how to focus the editor. Everything here
// runs in the page (page.evaluate) through the editors' own APIs; `window.__nb` (installed before the page's
// scripts by page.addInitScript) holds the grid arithmetic the tests compare against the engine's grid positions.

/** Installed in every demo page before its scripts: independent grid arithmetic (rowspan/colspan expanded). */
export function installPageHelpers() {
  window.__nb = {
    /** { table, row, col } of a <td>/<th> among the tables under `root`, document order, expanded grid. */
    grid(root, td) {
      const table = td.closest('table');
      const tables = [...root.querySelectorAll('table')];
      const taken = [];
      for (let r = 0; r < table.rows.length; r++) {
        taken[r] ??= [];
        let c = 0;
        for (const cell of table.rows[r].cells) {
          while (taken[r][c]) c++;
          if (cell === td) return { table: tables.indexOf(table), row: r, col: c };
          const rs = Math.max(1, cell.rowSpan || 1);
          const cs = Math.max(1, cell.colSpan || 1);
          for (let rr = r; rr < r + rs; rr++) { taken[rr] ??= []; for (let cc = c; cc < c + cs; cc++) taken[rr][cc] = true; }
          c += cs;
        }
      }
      return null;
    },
    /** The <td> at a grid position under `root`. */
    cellAt(root, { table, row, col }) {
      const t = root.querySelectorAll('table')[table];
      if (!t) return null;
      for (const td of t.querySelectorAll('td, th')) {
        if (td.closest('table') !== t) continue;
        const g = window.__nb.grid(root, td);
        if (g && g.row === row && g.col === col) return td;
      }
      return null;
    },
    /** Select the text of an element (in its own document). */
    selectText(el) {
      const doc = el.ownerDocument;
      const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim()) nodes.push(n);
      const range = doc.createRange();
      range.setStart(nodes[0], 0);
      range.setEnd(nodes[nodes.length - 1], nodes[nodes.length - 1].length);
      const sel = doc.defaultView.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return range;
    },
    /** Marks as plain data: the grid position and text of each mark's cell. */
    withGrid(root, marks) {
      return marks.map(({ td, ...m }) => ({ ...m, grid: td ? window.__nb.grid(root, td) : null, text: td?.textContent.trim() ?? null }));
    },
    panel() {
      const p = document.querySelector('nianbao-check');
      return {
        state: p.dataset.state, checks: Number(p.dataset.checks ?? 0), verdict: p.dataset.verdict ?? null,
        status: p.shadowRoot.querySelector('[data-status]').textContent,
        text: p.shadowRoot.textContent.replace(p.shadowRoot.querySelector('style')?.textContent ?? '', ''),
        unchecked: [...p.shadowRoot.querySelectorAll('[data-unchecked-list]:not([hidden]) li[data-unchecked]')].map((li) => ({
          part: li.dataset.unchecked, reason: li.dataset.reason, text: li.textContent,
        })),
        findings: [...p.shadowRoot.querySelectorAll('li[data-code]')].map((li) => ({
          code: li.dataset.code, severity: li.dataset.severity, cell: li.dataset.cell ?? null, text: li.textContent,
        })),
      };
    },
  };
}


export const EDITORS = {
  textarea: {
    path: '/demo/textarea.html',
    kind: 'text',
    ready: () => Boolean(document.querySelector('nianbao-check')?.attachment?.adapter),
    content: () => document.getElementById('report').value,
    focus: () => document.getElementById('report').focus(),
    /** Marks: the overlay's <mark>s, by their text offset. */
    marks: () => [...document.querySelectorAll('.nianbao-overlay:not([hidden]) mark')].map((m) => ({
      offset: Number(m.dataset.offset), text: m.textContent, codes: m.dataset.codes, severity: m.dataset.severity,
    })),
    selectCell: ({ offset, length }) => {
      const ta = document.getElementById('report');
      ta.focus();
      ta.setSelectionRange(offset, offset + length);
    },
    cellText: ({ offset, length }) => document.getElementById('report').value.slice(offset, offset + length),
    caret: () => { const ta = document.getElementById('report'); return { offset: ta.selectionStart, length: ta.selectionEnd - ta.selectionStart }; },
    reveal: ({ offset }) => {
      const ta = document.getElementById('report');
      const mark = document.querySelector(`.nianbao-overlay mark[data-offset="${offset}"]`);
      const line = ta.value.slice(0, offset).split('\n').length;
      const lh = parseFloat(getComputedStyle(ta).lineHeight) || 22;
      ta.scrollTop = Math.max(0, (mark ? mark.offsetTop : line * lh) - ta.clientHeight / 3);
      ta.dispatchEvent(new Event('scroll'));
    },
  },
  contenteditable: {
    path: '/demo/contenteditable.html',
    kind: 'html',
    ready: () => Boolean(document.querySelector('nianbao-check')?.attachment?.adapter),
    content: () => document.getElementById('report').innerHTML,
    focus: () => document.getElementById('report').focus(),
    /** Marks: the Custom Highlight API ranges of the page. */
    marks: () => {
      const root = document.getElementById('report');
      const out = [];
      for (const severity of ['error', 'warning', 'notice']) {
        for (const r of CSS.highlights.get(`nianbao-${severity}`) ?? []) {
          const start = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
          out.push({ td: start.closest('td, th'), severity, codes: null });
        }
      }
      return window.__nb.withGrid(root, out);
    },
    selectCell: (grid) => {
      const root = document.getElementById('report');
      root.focus();
      window.__nb.selectText(window.__nb.cellAt(root, grid));
    },
    cellText: (grid) => window.__nb.cellAt(document.getElementById('report'), grid)?.textContent.trim(),
    caret: () => {
      const n = getSelection().anchorNode;
      const td = (n?.nodeType === 1 ? n : n?.parentElement)?.closest('td, th');
      return td ? window.__nb.grid(document.getElementById('report'), td) : null;
    },
    reveal: (grid) => window.__nb.cellAt(document.getElementById('report'), grid)?.scrollIntoView({ block: 'center' }),
  },
  tinymce: {
    path: '/demo/tinymce.html',
    kind: 'html',
    ready: () => Boolean(window.demoEditor?.initialized && document.getElementById('report')?.nianbaoAdapter
      && document.querySelector('nianbao-check')?.attachment?.adapter),
    content: () => window.demoEditor.getContent(),
    focus: () => window.demoEditor.focus(),
    marks: () => {
      const root = window.demoEditor.getBody();
      return window.__nb.withGrid(root, [...root.querySelectorAll('[data-mce-annotation="nianbao"]')].map((m) => ({
        td: m.closest('td, th'), codes: m.dataset.nianbaoCodes, severity: m.dataset.nianbaoSeverity,
      })));
    },
    selectCell: (grid) => {
      const ed = window.demoEditor;
      const td = window.__nb.cellAt(ed.getBody(), grid);
      ed.focus();
      ed.selection.setRng(window.__nb.selectText(td));
    },
    cellText: (grid) => window.__nb.cellAt(window.demoEditor.getBody(), grid)?.textContent.trim(),
    caret: () => {
      const td = window.demoEditor.selection.getNode().closest('td, th');
      return td ? window.__nb.grid(window.demoEditor.getBody(), td) : null;
    },
    reveal: (grid) => window.__nb.cellAt(window.demoEditor.getBody(), grid)?.scrollIntoView({ block: 'center' }),
  },
  ckeditor5: {
    path: '/demo/ckeditor5.html',
    kind: 'html',
    ready: () => Boolean(window.demoEditor && document.getElementById('report')?.nianbaoAdapter
      && document.querySelector('nianbao-check')?.attachment?.adapter),
    content: () => window.demoEditor.getData(),
    // Focus with the caret at the start (Ctrl+A inside a table cell would select only that cell).
    focus: () => {
      const ed = window.demoEditor;
      ed.editing.view.focus();
      ed.model.change((w) => w.setSelection(ed.model.document.getRoot(), 0));
    },
    marks: () => {
      const root = window.demoEditor.editing.view.getDomRoot();
      return window.__nb.withGrid(root, [...root.querySelectorAll('.nianbao-mark')].map((m) => ({
        td: m.closest('td, th'), codes: m.dataset.nianbaoCodes, severity: m.dataset.nianbaoSeverity,
      })));
    },
    selectCell: (grid) => {
      const ed = window.demoEditor;
      const td = window.__nb.cellAt(ed.editing.view.getDomRoot(), grid);
      const cell = ed.editing.mapper.toModelElement(ed.editing.view.domConverter.mapDomToView(td));
      ed.editing.view.focus();
      ed.model.change((w) => w.setSelection(w.createRangeIn(cell.getChild(0))));
    },
    cellText: (grid) => window.__nb.cellAt(window.demoEditor.editing.view.getDomRoot(), grid)?.textContent.trim(),
    caret: () => {
      const ed = window.demoEditor;
      const cell = ed.model.document.selection.getFirstPosition().findAncestor('tableCell');
      const td = cell && ed.editing.view.domConverter.mapViewToDom(ed.editing.mapper.toViewElement(cell));
      return td ? window.__nb.grid(ed.editing.view.getDomRoot(), td) : null;
    },
    reveal: (grid) => window.__nb.cellAt(window.demoEditor.editing.view.getDomRoot(), grid)?.scrollIntoView({ block: 'center' }),
  },
  ueditor: {
    path: '/demo/ueditor.html',
    kind: 'html',
    ready: () => Boolean(window.demoEditor?.body && document.getElementById('report')?.nianbaoAdapter
      && document.querySelector('nianbao-check')?.attachment?.adapter),
    content: () => window.demoEditor.getContent(),
    focus: () => window.demoEditor.focus(),
    /** Marks: the Custom Highlight API ranges registered in the editor's iframe. */
    marks: () => {
      const ed = window.demoEditor;
      const out = [];
      for (const severity of ['error', 'warning', 'notice']) {
        for (const r of ed.window.CSS.highlights.get(`nianbao-${severity}`) ?? []) {
          const start = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
          out.push({ td: start.closest('td, th'), severity, codes: null });
        }
      }
      return window.__nb.withGrid(ed.body, out);
    },
    selectCell: (grid) => {
      const ed = window.demoEditor;
      const td = window.__nb.cellAt(ed.body, grid);
      ed.focus();
      const native = window.__nb.selectText(td);
      const range = ed.selection.getRange();
      range.setStart(native.startContainer, native.startOffset).setEnd(native.endContainer, native.endOffset).select();
    },
    cellText: (grid) => window.__nb.cellAt(window.demoEditor.body, grid)?.textContent.trim(),
    caret: () => {
      const start = window.demoEditor.selection.getStart();
      const td = start?.closest?.('td, th');
      return td ? window.__nb.grid(window.demoEditor.body, td) : null;
    },
    reveal: (grid) => window.__nb.cellAt(window.demoEditor.body, grid)?.scrollIntoView({ block: 'center' }),
  },
};
