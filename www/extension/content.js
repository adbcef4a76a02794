// The extension's content script (a classic script: chrome.scripting.executeScript injects it into every frame of
// the tab on a click of the toolbar button or the shortcut; on sites the user granted, it is also registered to run
// by itself, followed by auto.js). It never runs the engine: the page's Content-Security-Policy could block
// WebAssembly here. It only reads the page and draws:
//
//   scan()      is this frame a report (title or heading says 年度报告, and a report table is shown)? If so, a clean
//               copy of what the page shows: hidden elements (computed style) left out, no scripts, styles or
//               media, every <td>/<th> numbered with data-nb so that findings come back to the live cells.
//   marks       outlines on the failing cells (data-nianbao-flag; the CSS is inserted by the service worker as a
//               user style sheet) and a tooltip with the message and the arithmetic.
//   panel       a closable overlay in a Shadow DOM (page CSS cannot reach it) listing the findings; each jumps to
//               its cell; export Markdown / JSON; open the report in the full checker.
//
// Everything the report says is drawn with textContent, never as HTML. On a page that is not a report nothing is
// added to the page. The last expression's value (scan()'s result) is what executeScript hands back.
(() => {
  const NS = '__nianbaoExtension';
  if (!globalThis[NS]) globalThis[NS] = create();
  return globalThis[NS].scan();

  function create() {
    const state = {
      cells: [], // live <td>/<th> elements, by their data-nb number in the last scan
      flagged: [], // live cells this script marked, to undo
      result: null,
      places: [],
      lang: 'zh',
      panelHost: null,
      tipHost: null,
      tip: null,
      listening: false,
      lastScan: null,
    };

    // ---- words -------------------------------------------------------------------------------------------------
    const WORDS = {
      zh: {
        title: '年报检查', close: '关闭', passes: '未发现问题', noErrors: (w, n) => `没有错误；警告 ${w} 个，提示 ${n} 个`,
        counts: (e, w, n) => `错误 ${e} 个，警告 ${w} 个，提示 ${n} 个`, severity: { error: '错误', warning: '警告', notice: '提示' },
        format: { 2021: '2021 年格式', 2019: '2019 年格式（试行）', pre2019: '2019 年以前的格式', unknown: '格式未识别' },
        year: (y) => `${y} 年度`, where: (g) => `第 ${g.table + 1} 个表格 · 第 ${g.row + 1} 行 · 第 ${g.col + 1} 列`,
        locate: '定位', md: '导出 Markdown', json: '导出 JSON', full: '在完整检查页中打开',
        mdTitle: '年度报告检查结果', page: '网页', fix: '建议：', notInPage: '（此项不对应页面上的表格单元格）',
      },
      en: {
        title: 'Annual report check', close: 'Close', passes: 'No problems found', noErrors: (w, n) => `No errors; ${w} warning(s), ${n} notice(s)`,
        counts: (e, w, n) => `${e} error(s), ${w} warning(s), ${n} notice(s)`, severity: { error: 'Error', warning: 'Warning', notice: 'Notice' },
        format: { 2021: '2021 format', 2019: '2019 trial format', pre2019: 'pre-2019 format', unknown: 'format not recognised' },
        year: (y) => `year ${y}`, where: (g) => `table ${g.table + 1} · row ${g.row + 1} · column ${g.col + 1}`,
        locate: 'Locate', md: 'Export Markdown', json: 'Export JSON', full: 'Open in the full checker',
        mdTitle: 'Annual report check', page: 'Page', fix: 'Fix: ', notInPage: '(not about a table cell on the page)',
      },
    };
    const w = () => WORDS[state.lang] ?? WORDS.zh;
    const SEVERITIES = ['error', 'warning', 'notice'];
    const sevKey = (s) => (SEVERITIES.includes(s) ? s : 'notice');

    // ---- reading the page ----------------------------------------------------------------------------------------
    const REPORT_TITLE = /年度报告|年报/;
    const REPORT_TABLE = /予以公开|本年新收|本年制发|行政复议|行政诉讼|主动公开|申请人|第二十条/;
    const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'img',
      'picture', 'svg', 'math', 'video', 'audio', 'canvas', 'link', 'meta', 'base', 'input', 'select', 'textarea', 'button']);
    const OWN = '[data-nianbao-panel],[data-nianbao-tip]';

    /** Hidden as the engine decides it on a live page (src/web/dom.rs): display, visibility, zero font size or opacity. */
    function hidden(el) {
      if (el.matches?.(OWN)) return true;
      const s = getComputedStyle(el);
      return s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse'
        || parseFloat(s.fontSize) === 0 || s.opacity === '0';
    }

    function headingText() {
      const parts = [document.title];
      for (const h of document.querySelectorAll('h1, h2, h3, h4, [class*="title" i], [id*="title" i]')) {
        if (parts.length > 60) break;
        if (!hidden(h)) parts.push(h.textContent.slice(0, 200));
      }
      const body = document.body;
      if (body) parts.push((body.innerText || '').slice(0, 3000));
      return parts.join('\n');
    }

    function reportTables() {
      return [...document.querySelectorAll('table')].filter((t) => !hidden(t) && REPORT_TABLE.test(t.textContent));
    }

    function copyVisible(node, doc, cells) {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) return doc.createTextNode(node.data);
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const tag = node.localName;
      if (SKIP.has(tag) || hidden(node)) return null;
      let copy;
      try { copy = doc.createElement(tag); } catch { copy = doc.createElement('span'); }
      for (const a of ['colspan', 'rowspan']) {
        const v = node.getAttribute(a);
        if (v !== null) copy.setAttribute(a, v);
      }
      if (tag === 'td' || tag === 'th') {
        copy.setAttribute('data-nb', String(cells.length));
        cells.push(node);
      }
      for (const child of node.childNodes) {
        const c = copyVisible(child, doc, cells);
        if (c) copy.append(c);
      }
      return copy;
    }

    function scan() {
      const found = document.body ? reportTables() : [];
      const report = found.length > 0 && REPORT_TITLE.test(headingText());
      if (!report) {
        state.lastScan = { report: false, url: location.href };
        return state.lastScan;
      }
      const doc = document.implementation.createHTMLDocument(document.title);
      const cells = [];
      for (const child of document.body.childNodes) {
        const c = copyVisible(child, doc, cells);
        if (c) doc.body.append(c);
      }
      state.cells = cells;
      listen();
      state.lastScan = {
        report: true,
        url: location.href,
        title: document.title,
        tables: found.length,
        html: `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`,
      };
      return state.lastScan;
    }

    // ---- marks on the page -----------------------------------------------------------------------------------------
    const RANK = { notice: 1, warning: 2, error: 3 };

    function clearMarks() {
      for (const td of state.flagged) {
        td.removeAttribute('data-nianbao-flag');
        td.removeAttribute('data-nianbao-related');
        td.removeAttribute('data-nianbao-current');
      }
      state.flagged = [];
      state.tips = new Map();
      hideTip();
    }

    function mark({ result, places, lang }) {
      clearMarks();
      state.result = result;
      state.places = places;
      state.lang = lang;
      const tips = new Map();
      result.diagnostics.forEach((d, i) => {
        const place = places[i];
        const td = place?.nb != null ? state.cells[place.nb] : null;
        if (td) {
          const sev = sevKey(d.severity);
          const old = td.getAttribute('data-nianbao-flag');
          if (!old || RANK[sev] > RANK[old]) td.setAttribute('data-nianbao-flag', sev);
          if (!tips.has(td)) tips.set(td, []);
          tips.get(td).push(i);
          state.flagged.push(td);
        }
        for (const nb of place?.related ?? []) {
          const r = state.cells[nb];
          if (r && r !== td) {
            r.setAttribute('data-nianbao-related', '');
            state.flagged.push(r);
          }
        }
      });
      state.tips = tips;
      return { marked: tips.size };
    }

    function jump(i) {
      const nb = state.places[i]?.nb;
      const td = nb != null ? state.cells[nb] : null;
      if (!td) return false;
      for (const old of document.querySelectorAll('[data-nianbao-current]')) old.removeAttribute('data-nianbao-current');
      td.setAttribute('data-nianbao-current', '');
      td.scrollIntoView({ block: 'center', inline: 'nearest' });
      showTip(td);
      return true;
    }

    // ---- tooltip: message and arithmetic of a flagged cell, on hover -------------------------------------------------
    function shadowHost(attr) {
      const host = document.createElement('div');
      host.setAttribute(attr, '');
      host.style.setProperty('all', 'initial', 'important');
      host.style.setProperty('position', 'fixed', 'important');
      host.style.setProperty('z-index', '2147483647', 'important');
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PANEL_CSS);
      root.adoptedStyleSheets = [sheet];
      document.documentElement.append(host);
      return { host, root };
    }

    function showTip(td) {
      const list = state.tips?.get(td);
      if (!list?.length || !state.result) return;
      if (!state.tipHost?.isConnected) {
        const { host, root } = shadowHost('data-nianbao-tip');
        host.style.setProperty('pointer-events', 'none', 'important');
        state.tipHost = host;
        state.tip = el('div', { class: 'tip', role: 'tooltip' });
        root.append(state.tip);
      }
      const entries = list.map((i) => {
        const d = state.result.diagnostics[i];
        const entry = el('div', { class: `entry sev-${sevKey(d.severity)}` }, el('strong', { text: `${d.code} ` }), d.message ?? '');
        for (const n of d.notes ?? []) entry.append(el('div', { class: 'note', text: n }));
        return entry;
      });
      state.tip.replaceChildren(...entries);
      state.tipHost.hidden = false;
      state.tipHost.style.setProperty('display', 'block', 'important'); // the host's all:initial overrides [hidden]
      state.tipCell = td;
      placeTip();
    }

    function placeTip() {
      const td = state.tipCell;
      if (!td || !state.tipHost || state.tipHost.hidden) return;
      const r = td.getBoundingClientRect();
      const width = Math.min(420, window.innerWidth - 16);
      state.tipHost.style.setProperty('width', `${width}px`, 'important');
      state.tipHost.style.setProperty('left', `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`, 'important');
      state.tipHost.style.setProperty('top', `${Math.min(r.bottom + 6, Math.max(8, window.innerHeight - 160))}px`, 'important');
    }

    function hideTip() {
      if (state.tipHost) {
        state.tipHost.hidden = true;
        state.tipHost.style.setProperty('display', 'none', 'important');
      }
      state.tipCell = null;
    }

    // ---- the panel (top frame) -----------------------------------------------------------------------------------------
    function el(tag, attrs = {}, ...children) {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'text') node.textContent = v;
        else node.setAttribute(k, v);
      }
      node.append(...children);
      return node;
    }

    function countsOf(diagnostics) {
      const c = { error: 0, warning: 0, notice: 0 };
      for (const d of diagnostics) c[sevKey(d.severity)] += 1;
      return c;
    }

    function verdict(c, total) {
      if (total === 0) return w().passes;
      if (c.error === 0) return w().noErrors(c.warning, c.notice);
      return w().counts(c.error, c.warning, c.notice);
    }

    function panel({ result, places, lang, url }) {
      state.lang = lang;
      closePanel();
      const { host, root } = shadowHost('data-nianbao-panel');
      host.style.setProperty('top', '12px', 'important');
      host.style.setProperty('right', '12px', 'important');
      state.panelHost = host;
      const diagnostics = result.diagnostics ?? [];
      const c = countsOf(diagnostics);
      const doc = result.document ?? {};
      const close = el('button', { type: 'button', class: 'close', 'aria-label': w().close, title: w().close, text: '×' });
      close.addEventListener('click', closePanel);
      const meta = [w().format[doc.format] ?? doc.format, doc.year ? w().year(doc.year) : null, doc.agency].filter(Boolean).join(' · ');
      const list = el('ol', { class: 'findings' });
      diagnostics.forEach((d, i) => {
        const sev = sevKey(d.severity);
        const li = el('li', { class: `finding sev-${sev}`, 'data-code': d.code ?? '', 'data-severity': sev },
          el('div', { class: 'head' }, el('span', { class: 'sev', text: w().severity[sev] }), ' ', el('code', { text: d.code ?? '' }), ' ', el('span', { class: 'name', text: d.name ?? '' })),
          el('p', { class: 'message', text: d.message ?? '' }));
        if (d.notes?.length) li.append(el('ul', { class: 'notes' }, ...d.notes.map((n) => el('li', { text: n }))));
        if (d.fix?.message) li.append(el('p', { class: 'fix', text: w().fix + d.fix.message }));
        const grid = places[i]?.grid;
        if (grid) {
          const go = el('button', { type: 'button', class: 'locate', text: `${w().locate} · ${w().where(grid)}` });
          go.addEventListener('click', () => chrome.runtime.sendMessage({ type: 'nianbao:jump', index: i }));
          li.append(go);
        }
        list.append(li);
      });
      const md = el('button', { type: 'button', 'data-action': 'markdown', text: w().md });
      md.addEventListener('click', () => download(markdown(result, places, url), 'md', 'text/markdown;charset=utf-8', result));
      const json = el('button', { type: 'button', 'data-action': 'json', text: w().json });
      json.addEventListener('click', () => download(JSON.stringify(result, null, 2), 'json', 'application/json', result));
      const full = el('button', { type: 'button', 'data-action': 'full', text: w().full });
      full.addEventListener('click', () => chrome.runtime.sendMessage({ type: 'nianbao:open-full' }));
      const box = el('section', { class: 'panel', role: 'dialog', 'aria-label': w().title, lang: lang === 'en' ? 'en' : 'zh-CN' },
        el('header', {}, el('h2', { text: w().title }), close),
        el('p', { class: 'meta', text: meta }),
        el('p', { class: `verdict ${c.error ? 'fail' : diagnostics.length ? 'soft' : 'pass'}`, 'data-errors': String(c.error), text: verdict(c, diagnostics.length) }),
        list,
        el('footer', {}, md, json, full));
      root.append(box);
      close.focus({ preventScroll: true });
    }

    function closePanel() {
      state.panelHost?.remove();
      state.panelHost = null;
    }

    function markdown(result, places, url) {
      const doc = result.document ?? {};
      const diagnostics = result.diagnostics ?? [];
      const c = countsOf(diagnostics);
      const lines = [`# ${w().mdTitle}：${doc.title ?? document.title}`, ''];
      lines.push(`- ${w().page}：${url ?? location.href}`);
      lines.push(`- ${w().format[doc.format] ?? doc.format}${doc.year ? ` · ${w().year(doc.year)}` : ''}`);
      lines.push(`- ${verdict(c, diagnostics.length)}`, '');
      for (const sev of SEVERITIES) {
        const list = diagnostics.map((d, i) => [d, i]).filter(([d]) => sevKey(d.severity) === sev);
        if (!list.length) continue;
        lines.push(`## ${w().severity[sev]}（${list.length}）`, '');
        for (const [d, i] of list) {
          const g = places[i]?.grid;
          lines.push(`- \`${d.code}\` ${d.message}${g ? `（${w().where(g)}）` : ''}`);
          for (const n of d.notes ?? []) lines.push(`  - ${n}`);
          if (d.fix?.message) lines.push(`  - ${w().fix}${d.fix.message}`);
        }
        lines.push('');
      }
      return lines.join('\n');
    }

    function download(text, ext, type, result) {
      const name = `${(result.document?.title || document.title || 'report').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.nianbao.${ext}`;
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = el('a', { href: url, download: name });
      a.style.display = 'none';
      (state.panelHost?.shadowRoot ?? document.body).append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    }

    // ---- messages from the service worker ------------------------------------------------------------------------------
    function listen() {
      if (state.listening) return;
      state.listening = true;
      chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
        switch (msg?.type) {
          case 'nianbao:mark': reply(mark(msg)); break;
          case 'nianbao:panel': panel(msg); reply({ shown: true }); break;
          case 'nianbao:jump': reply({ jumped: jump(msg.index) }); break;
          case 'nianbao:clear': clearMarks(); closePanel(); reply({ cleared: true }); break;
          default: return false;
        }
        return false;
      });
      document.addEventListener('mouseover', (e) => {
        const td = e.target.closest?.('[data-nianbao-flag]');
        if (td && state.tips?.has(td)) showTip(td);
        else if (!e.target.closest?.(OWN)) hideTip();
      }, { passive: true, capture: true });
      document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); }, { capture: true });
      window.addEventListener('scroll', placeTip, { passive: true, capture: true }); // the tooltip follows its cell
    }

    const PANEL_CSS = `
      :host { all: initial; }
      .panel { box-sizing: border-box; width: min(400px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto;
        background: #fff; color: #1b1b1b; border: 1px solid #8a96a8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
        font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; padding: 0 14px 12px; }
      header { display: flex; align-items: center; justify-content: space-between; position: sticky; top: 0; background: #fff; padding-top: 10px; }
      h2 { font-size: 16px; margin: 0; }
      .close { font-size: 20px; line-height: 1; border: 0; background: none; cursor: pointer; padding: 4px 8px; color: inherit; }
      .meta { color: #4a4a4a; margin: 4px 0; }
      .verdict { font-weight: 600; margin: 6px 0 8px; }
      .verdict.fail { color: #b00016; } .verdict.soft { color: #8a5a00; } .verdict.pass { color: #1d6b2a; }
      .findings { list-style: none; margin: 0; padding: 0; }
      .finding { border-left: 4px solid #6b7da0; padding: 4px 8px; margin: 6px 0; background: #f6f7f9; }
      .finding.sev-error { border-color: #d0021b; } .finding.sev-warning { border-color: #e69500; }
      .sev { font-weight: 600; } code { font: 13px ui-monospace, monospace; }
      .name { color: #555; } .message { margin: 2px 0; }
      .notes { margin: 2px 0; padding-left: 18px; color: #333; font-size: 13px; }
      .fix { margin: 2px 0; font-size: 13px; }
      button { font: inherit; cursor: pointer; }
      .locate { font-size: 13px; margin-top: 2px; }
      footer { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
      .tip { box-sizing: border-box; background: #fffbe6; color: #1b1b1b; border: 1px solid #b08900; border-radius: 6px; padding: 6px 8px;
        box-shadow: 0 4px 14px rgba(0,0,0,.2); font: 13px/1.45 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
      .entry + .entry { margin-top: 4px; border-top: 1px solid #e5d9a8; padding-top: 4px; }
      .note { font-family: ui-monospace, monospace; color: #333; }
      @media (prefers-color-scheme: dark) {
        .panel, header { background: #1e2126; color: #e8e8e8; } .finding { background: #2a2e35; } .meta, .name, .notes, .note { color: #c8c8c8; }
        .tip { background: #2b2715; color: #eee; }
      }`;

    return { scan, mark, jump, panel, listen, clear: () => { clearMarks(); closePanel(); }, get lastScan() { return state.lastScan; } };
  }
})();
