// The extension's content script (a classic script: chrome.scripting.executeScript injects it into every frame of
// the tab on a click of the toolbar button or the shortcut; on sites the user granted, it is also registered to run
// by itself, followed by auto.js). It never runs the engine: the page's Content-Security-Policy could block
// WebAssembly here. It only reads the page and draws:
//
//   scan()      does this frame look like a report (title or heading says 年度报告, and a report table or the
//               report's section headings are shown: a report whose tables are images has only the headings)? If
//               so (or when asked: the top frame on a click, whatever it shows), a clean copy of what the page
//               shows: hidden elements (computed style) left out, no scripts, styles or media, every <td>/<th>
//               numbered with data-nb so that findings come back to the live cells.
//   marks       outlines on the failing cells (data-nianbao-flag; the CSS is inserted by the service worker as a
//               user style sheet) and a tooltip with the message and the arithmetic.
//   panel       a closable overlay listing the verdict, what could not be checked and the findings; each finding
//               jumps to its cell; export Markdown / JSON; open the report in the full checker.
//
// The page must not drive or read the panel (issue 16): the panel and the tooltip live in *closed* shadow roots of
// this script's own world; every handler ignores events the page made (`!event.isTrusted`) and each button acts
// once per user action (a repeat within a second is dropped); their words are drawn as generated content
// (`content: attr(data-t)`), not text nodes, so that neither window.find nor a selection of the page reaches them.
// Everything the report says is drawn that way, never as HTML. On a page that is not a report nothing is added to
// the page unless the user clicked the button (then the panel says that it is not a report). The last
// expression's value (scan()'s result) is what executeScript hands back.
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
      panelRoot: null, // the panel's closed shadow root: only this script holds it
      tipHost: null,
      tip: null,
      listening: false,
      lastScan: null,
      acted: new Map(), // button action → time of its last run (one run per user action)
    };

    // ---- words -------------------------------------------------------------------------------------------------
    const WORDS = {
      zh: {
        title: '年报检查', close: '关闭', passes: '未发现问题', noErrors: (w, n) => `没有错误；警告 ${w} 个，提示 ${n} 个`,
        counts: (e, w, n) => `错误 ${e} 个，警告 ${w} 个，提示 ${n} 个`, severity: { error: '错误', warning: '警告', notice: '提示' },
        incomplete: (w, n) => `未发现错误，但有部分内容未能检查（警告 ${w} 个，提示 ${n} 个）`,
        notReport: '此页不像政府信息公开工作年度报告，未作检查',
        unchecked: (n) => `未能检查的内容（${n} 项）`, review: '待核对',
        format: { 2021: '2021 年格式', 2019: '2019 年格式（试行）', pre2019: '2019 年以前的格式', unknown: '格式未识别' },
        year: (y) => `${y} 年度`, where: (g) => `第 ${g.table + 1} 个表格 · 第 ${g.row + 1} 行 · 第 ${g.col + 1} 列`,
        locate: '定位', md: '导出 Markdown', json: '导出 JSON', full: '在完整检查页中打开',
        mdTitle: '年度报告检查结果', page: '网页', fix: '建议：', notInPage: '（此项不对应页面上的表格单元格）',
      },
      en: {
        title: 'Annual report check', close: 'Close', passes: 'No problems found', noErrors: (w, n) => `No errors; ${w} warning(s), ${n} notice(s)`,
        counts: (e, w, n) => `${e} error(s), ${w} warning(s), ${n} notice(s)`, severity: { error: 'Error', warning: 'Warning', notice: 'Notice' },
        incomplete: (w, n) => `No error found, but some parts could not be checked (${w} warning(s), ${n} notice(s))`,
        notReport: 'This page does not look like an annual report on government information disclosure; it was not checked',
        unchecked: (n) => `Could not be checked (${n})`, review: 'needs review',
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
    // The section headings of the 2019 and 2021 templates ("二、主动公开政府信息情况" …): a report whose tables were
    // published as images still shows them.
    const SECTION = /^[ \t\u3000]*([一二三四五六])[、.．，,\s]\s*(总体情况|主动公开|收到和处理|政府信息公开行政复议|行政复议|存在的主要问题|其他需要报告)/gm;
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

    function headingText(text) {
      const parts = [document.title];
      for (const h of document.querySelectorAll('h1, h2, h3, h4, [class*="title" i], [id*="title" i]')) {
        if (parts.length > 60) break;
        if (!hidden(h)) parts.push(h.textContent.slice(0, 200));
      }
      parts.push(text.slice(0, 3000));
      return parts.join('\n');
    }

    function reportTables() {
      return [...document.querySelectorAll('table')].filter((t) => !hidden(t) && REPORT_TABLE.test(t.textContent));
    }

    /** How many of the six section headings the frame shows (each number once). */
    function sectionHeadings(text) {
      return new Set([...text.slice(0, 400_000).matchAll(SECTION)].map((m) => m[1])).size;
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

    /**
     * { report, url, tables, sections } and, for a frame that looks like a report (or with `copy`: the service worker
     * asks the top frame on a click when no frame looks like one), the clean copy as `html` with its `title`.
     */
    function scan({ copy = false } = {}) {
      const text = document.body?.innerText ?? '';
      const found = document.body ? reportTables() : [];
      const sections = sectionHeadings(text);
      const report = (found.length > 0 || sections >= 2) && REPORT_TITLE.test(headingText(text));
      if (!report && !copy) {
        state.lastScan = { report: false, url: location.href, tables: found.length, sections };
        return state.lastScan;
      }
      const doc = document.implementation.createHTMLDocument(document.title);
      const cells = [];
      for (const child of document.body?.childNodes ?? []) {
        const c = copyVisible(child, doc, cells);
        if (c) doc.body.append(c);
      }
      state.cells = cells;
      listen();
      state.lastScan = {
        report,
        url: location.href,
        title: document.title,
        tables: found.length,
        sections,
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

    // ---- the extension's own elements: closed shadow roots, trusted events only -----------------------------------
    function shadowHost(attr) {
      const host = document.createElement('div');
      host.setAttribute(attr, '');
      host.style.setProperty('all', 'initial', 'important');
      host.style.setProperty('position', 'fixed', 'important');
      host.style.setProperty('z-index', '2147483647', 'important');
      // Closed: host.shadowRoot is null for the page, and events leaving the root are retargeted to the host.
      const root = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PANEL_CSS);
      root.adoptedStyleSheets = [sheet];
      document.documentElement.append(host);
      return { host, root };
    }

    /**
     * A listener that runs only for events the user made (a page's dispatchEvent or el.click() is untrusted), and
     * at most once a second for the same action (`once`: a double click, a key held down).
     */
    function user(handler, once = null) {
      return (event) => {
        if (!event.isTrusted) return;
        if (once) {
          const now = performance.now();
          if (now - (state.acted.get(once) ?? -Infinity) < 1000) return;
          state.acted.set(once, now);
        }
        handler(event);
      };
    }

    // ---- tooltip: message and arithmetic of a flagged cell, on hover -------------------------------------------------
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
        const entry = el('div', { class: `entry sev-${sevKey(d.severity)}` }, el('strong', { text: d.code ?? '' }), el('span', { text: d.message ?? '' }));
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
    /**
     * An element of the panel or tooltip. Words (`text`, and string children) are attributes drawn by the style sheet
     * (`[data-t]::before { content: attr(data-t) }`): no text node of the panel is in the page's document.
     */
    function el(tag, attrs = {}, ...children) {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'text') node.setAttribute('data-t', String(v));
        else node.setAttribute(k, v);
      }
      for (const c of children) {
        if (typeof c === 'string') { if (c.trim()) node.append(el('span', { text: c })); } else node.append(c);
      }
      return node;
    }

    /** What an element of the panel shows (its words, in order), as textContent would give it for real text. */
    function words(node) {
      if (!node) return '';
      return [node, ...node.querySelectorAll('*')].map((n) => n.getAttribute('data-t') ?? '').join('');
    }

    function countsOf(diagnostics) {
      const c = { error: 0, warning: 0, notice: 0 };
      for (const d of diagnostics) c[sevKey(d.severity)] += 1;
      return c;
    }

    /** The engine's verdict ("pass" | "fail" | "incomplete" | "notReport"); an engine without one: by the errors. */
    function verdictOf(result) {
      const v = result.summary?.verdict;
      if (['pass', 'fail', 'incomplete', 'notReport'].includes(v)) return v;
      return countsOf(result.diagnostics ?? []).error ? 'fail' : 'pass';
    }

    function verdict(result) {
      const diagnostics = result.diagnostics ?? [];
      const c = countsOf(diagnostics);
      switch (verdictOf(result)) {
        case 'notReport': return w().notReport;
        case 'incomplete': return w().incomplete(c.warning, c.notice);
        case 'fail': return w().counts(c.error, c.warning, c.notice);
        default: return diagnostics.length === 0 ? w().passes : w().noErrors(c.warning, c.notice);
      }
    }

    /** Findings in order of severity (errors first), each with its index in the result (for places and jumps). */
    const bySeverity = (diagnostics) => diagnostics.map((d, i) => [d, i])
      .sort(([a, i], [b, j]) => SEVERITIES.indexOf(sevKey(a.severity)) - SEVERITIES.indexOf(sevKey(b.severity)) || i - j);

    function panel({ result, places, lang, url }) {
      state.lang = lang;
      closePanel();
      state.acted.clear(); // a new panel: its buttons have not been used yet
      const { host, root } = shadowHost('data-nianbao-panel');
      host.style.setProperty('top', '12px', 'important');
      host.style.setProperty('right', '12px', 'important');
      state.panelHost = host;
      state.panelRoot = root;
      const diagnostics = result.diagnostics ?? [];
      const c = countsOf(diagnostics);
      const v = verdictOf(result);
      const doc = result.document ?? {};
      const close = el('button', { type: 'button', class: 'close', 'aria-label': w().close, title: w().close, text: '×' });
      close.addEventListener('click', user(closePanel));
      const meta = v === 'notReport' ? ''
        : [w().format[doc.format] ?? doc.format, doc.year ? w().year(doc.year) : null, doc.agency].filter(Boolean).join(' · ');
      const list = el('ol', { class: 'findings' });
      for (const [d, i] of bySeverity(diagnostics)) {
        const sev = sevKey(d.severity);
        const review = d.outcome === 'needsReview';
        const li = el('li', { class: `finding sev-${sev}`, 'data-code': d.code ?? '', 'data-severity': sev, 'data-outcome': d.outcome ?? 'violation' },
          el('div', { class: 'head' }, el('span', { class: 'sev', text: w().severity[sev] }), el('code', { text: d.code ?? '' }),
            el('span', { class: 'name', text: d.name ?? '' }), ...(review ? [el('span', { class: 'review', text: w().review })] : [])),
          el('p', { class: 'message', text: d.message ?? '' }));
        if (d.notes?.length) li.append(el('ul', { class: 'notes' }, ...d.notes.map((n) => el('li', { text: n }))));
        if (d.fix?.message) li.append(el('p', { class: 'fix', text: w().fix + d.fix.message }));
        const grid = places[i]?.grid;
        if (grid) {
          const go = el('button', { type: 'button', class: 'locate', 'data-index': String(i), text: `${w().locate} · ${w().where(grid)}` });
          go.addEventListener('click', user(() => chrome.runtime.sendMessage({ type: 'nianbao:jump', index: i }), `jump:${i}`));
          li.append(go);
        }
        list.append(li);
      }
      const parts = [el('header', {}, el('h2', { text: w().title }), close)];
      if (meta) parts.push(el('p', { class: 'meta', text: meta }));
      parts.push(el('p', { class: `verdict ${v === 'pass' && diagnostics.length ? 'soft' : v.toLowerCase()}`, 'data-verdict': v, 'data-errors': String(c.error), text: verdict(result) }));
      const unchecked = v === 'notReport' ? [] : result.summary?.unchecked ?? [];
      if (unchecked.length) {
        parts.push(el('section', { class: 'unchecked', 'aria-label': w().unchecked(unchecked.length) },
          el('h3', { text: w().unchecked(unchecked.length) }),
          el('ul', {}, ...unchecked.map((u) => el('li', { 'data-part': u.part ?? '', 'data-reason': u.reason ?? '', text: u.message ?? '' })))));
      }
      parts.push(list);
      if (v !== 'notReport') {
        const md = el('button', { type: 'button', 'data-action': 'markdown', text: w().md });
        md.addEventListener('click', user(() => download(markdown(result, places, url), 'md', 'text/markdown;charset=utf-8', result), 'markdown'));
        const json = el('button', { type: 'button', 'data-action': 'json', text: w().json });
        json.addEventListener('click', user(() => download(JSON.stringify(result, null, 2), 'json', 'application/json', result), 'json'));
        const full = el('button', { type: 'button', 'data-action': 'full', text: w().full });
        full.addEventListener('click', user(() => chrome.runtime.sendMessage({ type: 'nianbao:open-full' }), 'full'));
        parts.push(el('footer', {}, md, json, full));
      }
      const box = el('section', { class: 'panel', role: 'dialog', 'aria-label': w().title, lang: lang === 'en' ? 'en' : 'zh-CN' }, ...parts);
      root.append(box);
      close.focus({ preventScroll: true });
    }

    function closePanel() {
      state.panelHost?.remove();
      state.panelHost = null;
      state.panelRoot = null;
    }

    function markdown(result, places, url) {
      const doc = result.document ?? {};
      const diagnostics = result.diagnostics ?? [];
      const lines = [`# ${w().mdTitle}：${doc.title ?? document.title}`, ''];
      lines.push(`- ${w().page}：${url ?? location.href}`);
      lines.push(`- ${w().format[doc.format] ?? doc.format}${doc.year ? ` · ${w().year(doc.year)}` : ''}`);
      lines.push(`- ${verdict(result)}`, '');
      const unchecked = result.summary?.unchecked ?? [];
      if (unchecked.length) {
        lines.push(`## ${w().unchecked(unchecked.length)}`, '');
        for (const u of unchecked) lines.push(`- ${u.message}`);
        lines.push('');
      }
      for (const sev of SEVERITIES) {
        const list = diagnostics.map((d, i) => [d, i]).filter(([d]) => sevKey(d.severity) === sev);
        if (!list.length) continue;
        lines.push(`## ${w().severity[sev]}（${list.length}）`, '');
        for (const [d, i] of list) {
          const g = places[i]?.grid;
          lines.push(`- \`${d.code}\` ${d.message}${d.outcome === 'needsReview' ? `（${w().review}）` : ''}${g ? `（${w().where(g)}）` : ''}`);
          for (const n of d.notes ?? []) lines.push(`  - ${n}`);
          if (d.fix?.message) lines.push(`  - ${w().fix}${d.fix.message}`);
        }
        lines.push('');
      }
      return lines.join('\n');
    }

    function download(text, ext, type, result) {
      if (!state.panelRoot) return;
      const name = `${(result.document?.title || document.title || 'report').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.nianbao.${ext}`;
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = el('a', { href: url, download: name });
      a.style.display = 'none';
      state.panelRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    }

    /**
     * For the tests, from the extension's own world (chrome.scripting.executeScript): what the panel and the
     * tooltip show, and with `point`, where to click a panel element (scrolled into the panel's view).
     */
    function inspect({ point = null } = {}) {
      const root = state.panelRoot;
      const out = {
        panel: Boolean(root && state.panelHost?.isConnected),
        tip: state.tipHost && !state.tipHost.hidden ? words(state.tip) : null,
      };
      if (!out.panel) return out;
      const q = (s) => root.querySelector(s);
      Object.assign(out, {
        verdict: words(q('.verdict')),
        verdictCode: q('.verdict')?.getAttribute('data-verdict'),
        meta: words(q('.meta')),
        unchecked: [...root.querySelectorAll('.unchecked li')].map((li) => ({ part: li.dataset.part, reason: li.dataset.reason, message: words(li) })),
        items: [...root.querySelectorAll('li.finding')].map((li) => `${li.dataset.code}:${li.dataset.severity}`),
        outcomes: [...root.querySelectorAll('li.finding')].map((li) => li.dataset.outcome),
        messages: [...root.querySelectorAll('li.finding .message')].map((p) => words(p)),
        buttons: [...root.querySelectorAll('button')].map((b) => b.dataset.action ?? b.className),
        locate: [...root.querySelectorAll('li.finding')].map((li) => words(li.querySelector('button.locate')) || null),
        text: words(root.querySelector('.panel')),
      });
      if (point) {
        const target = q(point);
        if (target) {
          target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const r = target.getBoundingClientRect();
          out.point = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        } else out.point = null;
      }
      return out;
    }

    // ---- messages from the service worker, and the user's pointer and keys -------------------------------------------
    function listen() {
      if (state.listening) return;
      state.listening = true;
      chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
        switch (msg?.type) {
          case 'nianbao:mark': reply(mark(msg)); break;
          case 'nianbao:panel': panel(msg); reply({ shown: true }); break;
          case 'nianbao:jump': reply({ jumped: jump(msg.index) }); break;
          case 'nianbao:copy': reply({ html: state.lastScan?.html ?? null }); break;
          case 'nianbao:clear': clearMarks(); closePanel(); reply({ cleared: true }); break;
          default: return false;
        }
        return false;
      });
      document.addEventListener('mouseover', user((e) => {
        const td = e.target.closest?.('[data-nianbao-flag]');
        if (td && state.tips?.has(td)) showTip(td);
        else if (!e.target.closest?.(OWN)) hideTip();
      }), { passive: true, capture: true });
      // Escape hides the tooltip, or else closes the panel.
      document.addEventListener('keydown', user((e) => {
        if (e.key !== 'Escape') return;
        if (state.tipCell) hideTip();
        else if (state.panelHost) closePanel();
      }), { capture: true });
      window.addEventListener('scroll', placeTip, { passive: true, capture: true }); // the tooltip follows its cell
    }

    const PANEL_CSS = `
      :host { all: initial; }
      [data-t]::before { content: attr(data-t); }
      .panel { box-sizing: border-box; width: min(400px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto;
        background: #fff; color: #1b1b1b; border: 1px solid #8a96a8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
        font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; padding: 0 14px 12px; }
      header { display: flex; align-items: center; justify-content: space-between; position: sticky; top: 0; background: #fff; padding-top: 10px; }
      h2 { font-size: 16px; margin: 0; }
      h3 { font-size: 14px; margin: 0 0 2px; }
      .close { font-size: 20px; line-height: 1; border: 0; background: none; cursor: pointer; padding: 4px 8px; color: inherit; }
      .meta { color: #4a4a4a; margin: 4px 0; }
      .verdict { font-weight: 600; margin: 6px 0 8px; }
      .verdict.fail { color: #b00016; } .verdict.soft { color: #8a5a00; } .verdict.pass { color: #1d6b2a; }
      .verdict.incomplete { color: #7a4b00; } .verdict.notreport { color: #4a4a4a; }
      .unchecked { border: 1px solid #d9b45a; background: #fff8e5; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
      .unchecked ul { margin: 0; padding-left: 18px; font-size: 13px; }
      .findings { list-style: none; margin: 0; padding: 0; }
      .finding { border-left: 4px solid #6b7da0; padding: 4px 8px; margin: 6px 0; background: #f6f7f9; }
      .finding.sev-error { border-color: #d0021b; } .finding.sev-warning { border-color: #e69500; }
      .head > * + * { margin-left: .4em; }
      .sev { font-weight: 600; } code { font: 13px ui-monospace, monospace; }
      .name { color: #555; } .message { margin: 2px 0; }
      .review { font-size: 12px; border: 1px solid #7a4b00; color: #7a4b00; border-radius: 4px; padding: 0 4px; }
      .notes { margin: 2px 0; padding-left: 18px; color: #333; font-size: 13px; }
      .fix { margin: 2px 0; font-size: 13px; }
      button { font: inherit; cursor: pointer; }
      .locate { font-size: 13px; margin-top: 2px; }
      footer { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
      .tip { box-sizing: border-box; background: #fffbe6; color: #1b1b1b; border: 1px solid #b08900; border-radius: 6px; padding: 6px 8px;
        box-shadow: 0 4px 14px rgba(0,0,0,.2); font: 13px/1.45 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
      .entry > strong { margin-right: .4em; }
      .entry + .entry { margin-top: 4px; border-top: 1px solid #e5d9a8; padding-top: 4px; }
      .note { font-family: ui-monospace, monospace; color: #333; }
      @media (prefers-color-scheme: dark) {
        .panel, header { background: #1e2126; color: #e8e8e8; } .finding { background: #2a2e35; } .meta, .name, .notes, .note { color: #c8c8c8; }
        .unchecked { background: #2e2a1c; border-color: #8a6d1f; } .verdict.incomplete, .review { color: #f0c060; border-color: #f0c060; }
        .tip { background: #2b2715; color: #eee; }
      }`;

    return {
      scan, mark, jump, panel, listen, inspect,
      clear: () => { clearMarks(); closePanel(); },
      get lastScan() { return state.lastScan; },
    };
  }
})();
