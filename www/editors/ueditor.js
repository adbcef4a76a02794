// UEditor / UEditorPlus adapter for attach() (www/checker.js). The document is read as the editor's iframe
// shows it (editor.body, through checkElement); failing cells are marked with the CSS Custom Highlight API in the
// iframe's window (ranges, no node added to the body, so getContent() is untouched); a fix is recorded between
// two undo scenes (UEditor's 'saveScene', the undoManger its own commands use), so execCommand('undo') reverts it.
//
//   import { ueditorAdapter } from '/editors/ueditor.js';
//   const ue = UE.getEditor('report', { serverUrl: '' }); ue.ready(() => ueditorAdapter(ue));
//   <nianbao-check for="report">
import { markTargets, fixElement, textNodes, highlighter, registerAdapter, cleaner } from './plain.js';

// What getContent() drops: UEditor's bookmarks and its caret filler (U+200B).
const clean = cleaner({ remove: 'span[_ue_custom_node_]', fillers: '\\u200B' });

export function ueditorAdapter(editor) {
  let hl = null;
  const host = document.getElementById(editor.key) ?? editor.container ?? null;
  const lighter = () => {
    // The iframe's document can be replaced (e.g. after switching source mode): follow it.
    if (!hl || hl.doc !== editor.document) { hl = highlighter(editor.document); hl.doc = editor.document; }
    return hl;
  };
  const adapter = {
    target: host,
    editor,
    source: () => ({ element: editor.body, clean }),
    subscribe(onEdit) {
      const handler = () => onEdit();
      editor.addListener('contentchange', handler);
      return () => editor.removeListener('contentchange', handler);
    },
    mark(result) { lighter().draw(markTargets(result).filter((t) => t.element)); },
    unmark() { hl?.clear(); },
    applyFix(d, result) {
      const td = fixElement(d, result);
      if (!td?.isConnected) return false;
      const replacement = String(d.fix.replacement);
      editor.fireEvent('saveScene'); // the scene before (UEditor's undo plugin: undoManger.save())
      const nodes = textNodes(td);
      if (nodes.length) {
        nodes[0].data = replacement;
        for (const n of nodes.slice(1)) n.data = '';
      } else {
        td.appendChild(editor.document.createTextNode(replacement));
      }
      editor.fireEvent('saveScene'); // the scene after: one undo step
      editor.fireEvent('contentchange');
      return true;
    },
    locate(d) {
      const el = d.element;
      if (!el?.isConnected) return;
      el.scrollIntoView({ block: 'center' });
      editor.focus();
      const range = editor.selection.getRange();
      range.selectNodeContents(el).shrinkBoundary().collapse(false).select();
    },
    content: () => editor.getContent(),
  };
  registerAdapter(host, adapter);
  return adapter;
}
