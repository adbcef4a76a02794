// TinyMCE adapter for attach() (www/checker.js). The document is read as the editor shows it (its iframe body,
// editor.getBody(), through checkElement); failing cells are marked with TinyMCE annotations registered with
// `persistent: false`, which TinyMCE strips from getContent() and from undo levels; a fix goes through
// editor.undoManager.transact, so one Undo reverts it.
//
//   import { tinymceAdapter } from '/editors/tinymce.js';
//   tinymce.init({ selector: '#report', setup: (editor) => editor.on('init', () => tinymceAdapter(editor)) });
//   <nianbao-check for="report">   (the adapter registers itself on the textarea TinyMCE replaced)
import { markTargets, fixElement, textNodes, registerAdapter, cleaner } from './plain.js';

// What TinyMCE's serializer drops: bogus nodes (whole or wrapper), caret containers and their U+FEFF fillers.
const clean = cleaner({ remove: '[data-mce-bogus="all"], [data-mce-type="bookmark"]', unwrap: '[data-mce-bogus="1"]:not(br)', fillers: '\\uFEFF' });

const NAME = 'nianbao';
const COLORS = { error: 'rgba(220,38,38,.22)', warning: 'rgba(217,119,6,.22)', notice: 'rgba(37,99,235,.16)' };
const LINES = { error: '#dc2626', warning: '#d97706', notice: '#2563eb' };
export const CONTENT_STYLE = Object.keys(COLORS).map((s) =>
  `.nianbao-mark.nianbao-${s} { background: ${COLORS[s]}; text-decoration: underline wavy ${LINES[s]}; }`).join('\n');

export function tinymceAdapter(editor) {
  let marking = false;
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    editor.annotator.register(NAME, {
      persistent: false,
      decorate: (uid, data) => ({
        attributes: { 'data-nianbao-codes': data.codes, 'data-nianbao-severity': data.severity },
        classes: ['nianbao-mark', `nianbao-${data.severity}`],
      }),
    });
    // Marks' look, inside the editor's iframe (not part of the content).
    const doc = editor.getDoc();
    if (!doc.getElementById('nianbao-mark-style')) {
      const style = doc.createElement('style');
      style.id = 'nianbao-mark-style';
      style.setAttribute('data-mce-bogus', 'all');
      style.textContent = CONTENT_STYLE;
      doc.head.appendChild(style);
    }
  };

  /** Run `fn` keeping the writer's selection (as node + offset: annotating moves nodes, not text). */
  const keepSelection = (fn) => {
    const rng = editor.selection.getRng();
    const saved = rng && [rng.startContainer, rng.startOffset, rng.endContainer, rng.endOffset];
    marking = true;
    // Marks are not edits: no undo level (TinyMCE's undo levels keep the body's markup, annotations included).
    try { editor.undoManager.ignore(fn); } finally {
      if (saved && saved[0].isConnected && saved[2].isConnected) {
        const r = editor.getDoc().createRange();
        try { r.setStart(saved[0], saved[1]); r.setEnd(saved[2], saved[3]); editor.selection.setRng(r); } catch { /* the nodes changed */ }
      }
      marking = false;
    }
  };

  const unmarkAll = () => {
    if (registered) editor.annotator.removeAll(NAME);
  };

  const adapter = {
    target: editor.getElement(),
    editor,
    source: () => ({ element: editor.getBody(), clean }),
    subscribe(onEdit) {
      const handler = () => { if (!marking) onEdit(); };
      const events = 'input change undo redo SetContent paste';
      editor.on(events, handler);
      return () => editor.off(events, handler);
    },
    mark(result) {
      register();
      keepSelection(() => {
        unmarkAll();
        markTargets(result).forEach((t, i) => {
          if (!t.element?.isConnected || !textNodes(t.element).length) return;
          const nodes = textNodes(t.element);
          const rng = editor.getDoc().createRange();
          rng.setStart(nodes[0], 0);
          rng.setEnd(nodes[nodes.length - 1], nodes[nodes.length - 1].length);
          editor.selection.setRng(rng);
          editor.annotator.annotate(NAME, { uid: `nianbao-${i}`, codes: t.codes.join(' '), severity: t.severity });
        });
      });
    },
    unmark() {
      if (editor.removed) return;
      keepSelection(unmarkAll);
    },
    applyFix(d, result) {
      const td = fixElement(d, result);
      if (!td?.isConnected) return false;
      const replacement = String(d.fix.replacement);
      // One undo level: the cell's first text keeps the cell's formatting and takes the value; other texts go.
      editor.undoManager.transact(() => {
        const nodes = textNodes(td);
        if (nodes.length) {
          nodes[0].data = replacement;
          for (const n of nodes.slice(1)) n.data = '';
        } else {
          td.textContent = replacement;
        }
      });
      editor.nodeChanged();
      editor.dispatch('input');
      return true;
    },
    locate(d) {
      const el = d.element;
      if (!el?.isConnected) return;
      el.scrollIntoView({ block: 'center' });
      editor.focus();
      editor.selection.select(el, true);
      editor.selection.collapse(false);
    },
    content: () => editor.getContent(),
  };
  registerAdapter(editor.getElement(), adapter);
  return adapter;
}
