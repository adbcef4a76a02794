// A tiny Markdown renderer for the rules' documentation (headings, paragraphs, lists, fenced code, `code`,
// **bold**). It builds DOM nodes and sets only textContent: no string is ever parsed as HTML.

/** Render Markdown into a DocumentFragment. `headingShift` moves heading levels down (# → h(1+shift)). */
export function renderMarkdown(markdown, { headingShift = 1, idPrefix = '' } = {}) {
  const frag = document.createDocumentFragment();
  const lines = String(markdown ?? '').replace(/\r\n?/g, '\n').split('\n');
  let para = [];
  let list = null;

  const flushPara = () => {
    if (para.length) {
      const p = document.createElement('p');
      appendInline(p, para.join(' '));
      frag.append(p);
      para = [];
    }
  };
  const flushList = () => { if (list) { frag.append(list); list = null; } };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^```(.*)$/);
    if (fence) {
      flushPara(); flushList();
      const code = [];
      for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]); i++) code.push(lines[i]);
      const pre = document.createElement('pre');
      const el = document.createElement('code');
      el.textContent = code.join('\n');
      pre.append(el);
      pre.tabIndex = 0; // scrollable: reachable by keyboard
      frag.append(pre);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      flushPara(); flushList();
      const level = Math.min(6, heading[1].length + headingShift);
      const h = document.createElement(`h${level}`);
      appendInline(h, heading[2].trim());
      if (idPrefix && heading[1].length === 1) h.id = idPrefix;
      frag.append(h);
      continue;
    }
    const item = line.match(/^\s*[-*]\s+(.*)$/);
    if (item) {
      flushPara();
      list ??= document.createElement('ul');
      const li = document.createElement('li');
      appendInline(li, item[1]);
      list.append(li);
      continue;
    }
    if (line.trim() === '') { flushPara(); flushList(); continue; }
    flushList();
    para.push(line.trim());
  }
  flushPara(); flushList();
  return frag;
}

/** Inline `code` and **bold**; everything else is text. */
function appendInline(parent, text) {
  const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    const el = document.createElement(m[1] !== undefined ? 'code' : 'strong');
    el.textContent = m[1] ?? m[2];
    parent.append(el);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}
