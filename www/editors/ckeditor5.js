// CKEditor 5 adapter for attach() (www/checker.js). The document is read as the editing view shows it (its DOM
// root, through checkElement); each table cell found is mapped back to the model (view.domConverter →
// editing.mapper) and marked by a model marker converted for the editing view only (markerToHighlight), so
// getData() never holds it and markers take no undo step; a fix is one editor.model.change(), reverted by the
// undo command.
//
//   import { ckeditor5Adapter } from '/editors/ckeditor5.js';
//   const editor = await ClassicEditor.create(textarea, config);  ckeditor5Adapter(editor);
//   <nianbao-check for="ID of the textarea or element the editor replaced">
import { markTargets, fixElement, registerAdapter, cleaner, SEVERITIES } from './plain.js';

// What getData() never holds: widget UI inside the editing view and the inline filler (U+2060 ×7).
const clean = cleaner({
  remove: '.ck-widget__type-around, .ck-widget__selection-handle, .ck-table-column-resizer, .ck-fake-selection-container, [data-cke-filler]',
  fillers: '\\u2060',
});

const GROUP = 'nianbao';
const COLORS = { error: 'rgba(220,38,38,.22)', warning: 'rgba(217,119,6,.22)', notice: 'rgba(37,99,235,.16)' };
const LINES = { error: '#dc2626', warning: '#d97706', notice: '#2563eb' };

function injectStyle() {
  if (document.getElementById('nianbao-ck-style')) return;
  const style = document.createElement('style');
  style.id = 'nianbao-ck-style';
  style.textContent = SEVERITIES.map((s) =>
    `.ck-content .nianbao-mark.nianbao-${s} { background: ${COLORS[s]}; text-decoration: underline wavy ${LINES[s]}; }`).join('\n');
  document.head.appendChild(style);
}

export function ckeditor5Adapter(editor, { element } = {}) {
  const host = element ?? editor.sourceElement ?? null;
  injectStyle();
  editor.conversion.for('editingDowncast').markerToHighlight({
    model: GROUP,
    view: ({ markerName }) => {
      const [, severity, codes] = markerName.split(':');
      return { classes: ['nianbao-mark', `nianbao-${severity}`], attributes: { 'data-nianbao-codes': codes.replace(/\+/g, ' '), 'data-nianbao-severity': severity } };
    },
  });

  /** The model table cell shown by a <td> of the editing view, or null. */
  const modelCell = (td) => {
    if (!td?.isConnected) return null;
    const view = editor.editing.view.domConverter.mapDomToView(td);
    const model = view && editor.editing.mapper.toModelElement(view);
    return model?.is('element', 'tableCell') ? model : null;
  };

  const clear = (writer) => {
    for (const m of [...editor.model.markers.getMarkersGroup(GROUP)]) writer.removeMarker(m);
  };

  const adapter = {
    target: host,
    editor,
    source: () => ({ element: editor.editing.view.getDomRoot(), clean }),
    subscribe(onEdit) {
      const doc = editor.model.document;
      doc.on('change:data', onEdit);
      return () => doc.off('change:data', onEdit);
    },
    mark(result) {
      const targets = markTargets(result)
        .map((t) => ({ ...t, cell: modelCell(t.element) }))
        .filter((t) => t.cell && !t.cell.isEmpty);
      editor.model.change((writer) => {
        clear(writer);
        targets.forEach((t, i) => {
          writer.addMarker(`${GROUP}:${t.severity}:${t.codes.join('+')}:${i}`, {
            range: writer.createRangeIn(t.cell), usingOperation: false, affectsData: false,
          });
        });
      });
    },
    unmark() {
      if (editor.state === 'destroyed') return;
      editor.model.change(clear);
    },
    applyFix(d, result) {
      const cell = modelCell(fixElement(d, result));
      if (!cell) return false;
      const replacement = String(d.fix.replacement);
      // One change block: one undo step. The cell's first block keeps its attributes and its first text's.
      editor.model.change((writer) => {
        const blocks = [...cell.getChildren()];
        const first = blocks[0];
        if (!first) {
          const p = writer.createElement('paragraph');
          writer.insertText(replacement, p, 0);
          writer.insert(p, cell, 0);
          return;
        }
        const attrs = first.getChild?.(0)?.getAttributes?.() ?? [];
        writer.remove(writer.createRangeIn(first));
        writer.insertText(replacement, Object.fromEntries(attrs), first, 0);
        for (const b of blocks.slice(1)) writer.remove(b);
      });
      return true;
    },
    locate(d) {
      const cell = modelCell(d.element);
      if (!cell) return;
      editor.model.change((writer) => writer.setSelection(cell, 'end'));
      editor.editing.view.focus();
      editor.editing.view.scrollToTheSelection();
    },
    content: () => editor.getData(),
  };
  registerAdapter(host, adapter);
  return adapter;
}
