// The text of an HTML document, for showing what is checked: block elements on their own lines, table cells
// joined with " | " (the way reports are pasted as text). The HTML is parsed by DOMParser into an inert
// document: nothing in it runs or loads, and nothing of it is ever put into the page as HTML.
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT', 'SVG', 'svg']);

function hidden(node) {
  const style = node.getAttribute?.('style') ?? '';
  return node.hasAttribute?.('hidden') || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const lines = [];
  let line = '';
  const flush = () => {
    const l = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (l) lines.push(l);
    line = '';
  };
  const walk = (node, inCell = false) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) { line += child.data.replace(/\s+/g, ' '); continue; }
      if (child.nodeType !== 1 || SKIP.has(child.tagName) || hidden(child)) continue;
      const tag = child.tagName;
      if (tag === 'BR') { if (inCell) line += ' '; else flush(); continue; }
      if (tag === 'TD' || tag === 'TH') {
        if (line.trim()) line += ' | ';
        walk(child, true);
        continue;
      }
      const block = BLOCKS.has(tag) && !inCell;
      if (block) flush();
      else if (inCell && BLOCKS.has(tag)) line += ' ';
      walk(child, inCell);
      if (block) flush();
    }
  };
  walk(doc.body ?? doc.documentElement);
  flush();
  return lines.join('\n');
}
