// The extension's service worker (Chrome) or background page (Firefox, `background.scripts`).
//
// A click of the toolbar button or the shortcut (_execute_action, which grants activeTab) checks the tab:
//   1. content.js is injected into every frame; each says whether it looks like a report (a report table, or the
//      report's section headings when its tables are images) and, if so, hands back a clean copy of what it shows
//      (hidden anti-scraping elements left out, cells numbered);
//   2. the frame with the report is checked by the engine in the offscreen document (Chrome; the service worker
//      has no DOMParser) or right here (Firefox's background page has one); a page's CSP cannot block it there.
//      When no frame looks like a report, the top frame is checked all the same: the engine says what it is;
//   3. the badge shows the engine's verdict: the number of errors, ✓ only when everything was checked and passed,
//      "?" when no error was found but parts could not be checked (tables published as images, a page cut short);
//      the report's frame gets the outlines and the top frame the panel, which says what could not be checked, or
//      that the page is not a report.
// On sites the user granted (options page), content.js + auto.js are registered to do steps 1–3 by themselves
// (without the panel, and only on frames that look like a report). The extension makes no network request of its
// own.
//
// What the page can reach (issue 16): nothing of the panel (content.js), and nothing here that it could trigger:
// tabs and downloads follow the user's clicks only, one per click. Session storage holds, per checked tab, only
// where its report is (no copy of the page), and for "open in the full checker" one copy of the report at a time:
// a new hand-off replaces the old one, and it is deleted when the full checker's tab is closed, reloaded or
// navigated, and in any case HANDOFF_MS after it was stored (the full checker reads it within a second or two).
import { checkHtml } from './engine.js';

const OFFSCREEN = 'offscreen.html';
const AUTO_ID = 'nianbao-auto';
const COLORS = { error: '#c4001a', ok: '#1d7a34', incomplete: '#8a5a00' };
/** How long the copy handed to the full checker waits to be read (it reads it as soon as its engine is loaded). */
const HANDOFF_MS = 60_000;
/** One "open in the full checker" per this long per tab, whatever asks. */
const OPEN_FULL_EVERY_MS = 1000;

// ---- the engine ------------------------------------------------------------------------------------------------

let creating = null;
async function ensureOffscreen() {
  if (await chrome.offscreen.hasDocument()) return;
  creating ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN, reasons: ['DOM_PARSER'], justification: 'Read the report page copy with DOMParser and check it with the WebAssembly engine' })
    .finally(() => { creating = null; });
  await creating;
}

async function engine(html, options) {
  if (typeof DOMParser === 'function') return checkHtml(html, options); // Firefox: a background page
  await ensureOffscreen();
  const reply = await chrome.runtime.sendMessage({ target: 'offscreen', type: 'check', html, options });
  if (!reply || reply.error) throw new Error(reply?.error ?? 'the offscreen document did not answer');
  return reply;
}

async function lang() {
  const { lang } = await chrome.storage.local.get('lang');
  return lang === 'en' ? 'en' : 'zh';
}

// ---- checking a tab ------------------------------------------------------------------------------------------------

/**
 * The last check of each tab: { id, frameId, title, url, result, places, html }. Session storage keeps only
 * { id, frameId, title, url } (the service worker may be stopped between clicks); the copy stays in memory and in
 * the report frame's content script, which hands it back when asked.
 */
const checked = new Map();
const key = (tabId) => `tab:${tabId}`;

async function tabState(tabId) {
  if (checked.has(tabId)) return checked.get(tabId);
  const { [key(tabId)]: saved } = await chrome.storage.session.get(key(tabId));
  return saved ?? null;
}

async function forget(tabId) {
  checked.delete(tabId);
  await chrome.storage.session.remove(key(tabId));
}

const verdictOf = (result) => result.summary?.verdict
  ?? (result.diagnostics.some((d) => d.severity === 'error') ? 'fail' : 'pass');

async function setBadge(tabId, result) {
  const both = (zh, en) => chrome.action.setTitle({ tabId, title: `${zh} / ${en}` });
  if (!result) {
    await chrome.action.setBadgeText({ tabId, text: '' });
    await chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage('actionTitle') });
    return;
  }
  const verdict = verdictOf(result);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const unchecked = result.summary?.unchecked?.length ?? 0;
  if (verdict === 'notReport') {
    await chrome.action.setBadgeText({ tabId, text: '' });
    await both('年报检查：此页不是年度报告，未作检查', 'not an annual report; not checked');
  } else if (verdict === 'fail') {
    await chrome.action.setBadgeText({ tabId, text: String(errors) });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: COLORS.error });
    await both(`年报检查：${errors} 个错误${unchecked ? `；${unchecked} 处未能检查` : ''}`, `${errors} error(s)${unchecked ? `; ${unchecked} part(s) could not be checked` : ''}`);
  } else if (verdict === 'incomplete') {
    await chrome.action.setBadgeText({ tabId, text: '?' });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: COLORS.incomplete });
    await both(`年报检查：未发现错误，但有 ${unchecked} 处未能检查`, `no error found, but ${unchecked} part(s) could not be checked`);
  } else {
    await chrome.action.setBadgeText({ tabId, text: '✓' });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: COLORS.ok });
    await both('年报检查：没有错误，全部已检查', 'no errors; everything was checked');
  }
}

/** One frame's clean copy through the engine. */
async function checkFrame(frame, options) {
  const { html, title, url } = frame.result;
  const { result, places } = await engine(html, { ...options, file: title || url });
  return { id: crypto.randomUUID(), frameId: frame.frameId, result, places, html, title, url };
}

/**
 * Check the report in a tab. `scans` are the frames' scan() results ({ frameId, result }) when they are known
 * (auto-check); otherwise content.js is injected into every frame. `panel`: the user asked (a click), so the panel
 * is shown, and a page that does not look like a report is checked too, to say what it is. Returns what it did,
 * for people and tests: { report: false } (nothing shown), { report: false, verdict: 'notReport' } (the panel
 * says so), or { report: true, frameId, verdict, errors, diagnostics, unchecked }.
 */
async function checkTab(tabId, { panel = true, scans = null } = {}) {
  if (!scans) {
    scans = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] });
    // No frame at all: the page could not be read (Chrome skips frames it may not access), which is not "not a report".
    if (!scans.some((s) => s.frameId === 0)) throw new Error('Cannot access contents of the page (no frame could be read)');
  }
  // The report's frame: the one showing the most report tables, then section headings (the top frame first on a tie).
  const frames = scans.filter((s) => s.result?.report)
    .sort((a, b) => b.result.tables - a.result.tables || b.result.sections - a.result.sections || a.frameId - b.frameId);
  const options = { lang: await lang() };
  let notReport = null;
  for (const frame of frames) {
    const state = await checkFrame(frame, options);
    if (state.result.document?.isReport === false) { notReport ??= state; continue; } // the engine: not a report
    return show(tabId, state, { panel, lang: options.lang });
  }
  if (panel && !notReport) {
    // Nothing looked like a report: the engine reads the top frame and says what it is (a report the content
    // script did not recognise is checked as one).
    const [top] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => globalThis.__nianbaoExtension?.scan({ copy: true }) });
    if (top?.result?.html != null) {
      const state = await checkFrame({ frameId: 0, result: top.result }, options);
      if (state.result.document?.isReport !== false) return show(tabId, state, { panel, lang: options.lang });
      notReport = state;
    }
  }
  await forget(tabId);
  if (panel && notReport) {
    await setBadge(tabId, notReport.result);
    await showPanel(tabId, notReport, options.lang);
    return { report: false, verdict: 'notReport' };
  }
  await setBadge(tabId, null);
  return { report: false };
}

async function show(tabId, state, { panel, lang: language }) {
  const { result, places } = state;
  checked.set(tabId, state);
  await chrome.storage.session.set({ [key(tabId)]: { id: state.id, frameId: state.frameId, title: state.title, url: state.url } });
  await chrome.scripting.insertCSS({ target: { tabId, frameIds: [state.frameId] }, files: ['page.css'], origin: 'USER' });
  await chrome.tabs.sendMessage(tabId, { type: 'nianbao:mark', result, places, lang: language }, { frameId: state.frameId });
  await setBadge(tabId, result);
  if (panel) await showPanel(tabId, state, language);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    report: true, frameId: state.frameId, verdict: verdictOf(result), errors, diagnostics: result.diagnostics.length,
    unchecked: (result.summary?.unchecked ?? []).map((u) => `${u.part}:${u.reason}`),
  };
}

async function showPanel(tabId, state, language) {
  // The panel lives in the top frame; when the report is in a frame, the top frame needs content.js too.
  if (state.frameId !== 0) {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => globalThis.__nianbaoExtension?.listen() });
  }
  await chrome.tabs.sendMessage(tabId, { type: 'nianbao:panel', result: state.result, places: state.places, lang: language, url: state.url }, { frameId: 0 });
}

// ---- "open in the full checker": the page packaged in the extension, handed one copy through session storage ------

const PRELOAD = 'preload:';
/** Per checked tab, its last hand-off: { at, key, tabId (the full checker's, null once it left), checkId, loaded }. */
const handoffs = new Map();
/** Per checked tab, the hand-off under way. */
const opening = new Map();

/** Remove hand-off copies: those matching `which(entry, key)`, or all of them. */
async function dropHandoffs(which = () => true) {
  const all = await chrome.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(PRELOAD) && which(all[k], k));
  if (keys.length) await chrome.storage.session.remove(keys);
}

function openFull(tabId) {
  if (opening.has(tabId)) return opening.get(tabId); // one at a time
  const work = (async () => {
    const state = await tabState(tabId);
    if (!state) return false;
    const last = handoffs.get(tabId);
    if (last && last.checkId === state.id) {
      if (Date.now() - last.at < OPEN_FULL_EVERY_MS) return false; // the same click again (a double click)
      // The full checker already shows this check: bring it to the front rather than opening another.
      const open = last.tabId != null && await chrome.tabs.get(last.tabId).catch(() => null);
      if (open) {
        last.at = Date.now();
        await chrome.tabs.update(open.id, { active: true });
        return true;
      }
    }
    const html = state.html ?? (await chrome.tabs.sendMessage(tabId, { type: 'nianbao:copy' }, { frameId: state.frameId }).catch(() => null))?.html;
    if (!html) return false;
    await dropHandoffs(); // one copy at a time
    const id = `${PRELOAD}${crypto.randomUUID()}`;
    await chrome.storage.session.set({ [id]: { html, name: state.title || state.url, url: state.url, expires: Date.now() + HANDOFF_MS } });
    const entry = { at: Date.now(), key: id, tabId: null, checkId: state.id, loaded: false };
    handoffs.set(tabId, entry);
    entry.tabId = (await chrome.tabs.create({ url: chrome.runtime.getURL(`index.html?preload=${encodeURIComponent(id)}`), openerTabId: tabId })).id;
    setTimeout(() => expireHandoffs(), HANDOFF_MS + 100);
    return true;
  })().finally(() => opening.delete(tabId));
  opening.set(tabId, work);
  return work;
}

/** Remove the copies whose time is up at `now`. */
const expireHandoffs = (now = Date.now()) => dropHandoffs((e) => !(e.expires > now));
// A copy left by a service worker that was stopped before its timer ran: gone at the next start.
expireHandoffs().catch(() => {});

async function jump(tabId, index) {
  const state = await tabState(tabId);
  if (!state) return false;
  const reply = await chrome.tabs.sendMessage(tabId, { type: 'nianbao:jump', index }, { frameId: state.frameId });
  return Boolean(reply?.jumped);
}

/** The last check started for each tab (a promise of checkTab's answer): for the tests, which click as a person would. */
const runs = new Map();
let clicks = 0;
let lastClick = null;
chrome.action.onClicked.addListener((tab) => {
  const run = checkTab(tab.id);
  runs.set(tab.id, run);
  clicks += 1;
  lastClick = { n: clicks, tabId: tab.id };
  run.catch((err) => console.warn('nianbao: check failed', err));
});

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  const tabId = sender.tab?.id;
  if (tabId == null || !msg?.type?.startsWith('nianbao:')) return false;
  let work;
  // The panel's buttons: only from the top frame, where the panel is.
  if (msg.type === 'nianbao:jump' && sender.frameId === 0) work = jump(tabId, msg.index);
  else if (msg.type === 'nianbao:open-full' && sender.frameId === 0) work = openFull(tabId);
  else if (msg.type === 'nianbao:auto') work = checkTab(tabId, { panel: false, scans: [{ frameId: sender.frameId, result: msg.scan }] });
  else return false;
  work.then(reply, (err) => reply({ error: String(err?.message ?? err) }));
  return true;
});

chrome.tabs.onUpdated.addListener((tabId, info) => {
  // (A checked tab's state stays until the tab closes or is checked again: 'loading' also comes when a frame of the
  // page loads, and after a navigation the panel that could use the state is gone anyway.)
  if (info.status === 'loading') {
    // The full checker's tab reloads or goes elsewhere after its first load: its copy was read, or never will be.
    for (const h of handoffs.values()) {
      if (h.tabId === tabId && h.loaded) {
        chrome.storage.session.remove(h.key);
        h.tabId = null;
      }
    }
  } else if (info.status === 'complete') {
    for (const h of handoffs.values()) if (h.tabId === tabId) h.loaded = true;
  }
});

chrome.tabs.onRemoved.addListener((tabId) => {
  checked.delete(tabId);
  runs.delete(tabId);
  handoffs.delete(tabId);
  chrome.storage.session.remove(key(tabId));
  // The full checker's tab closed: its copy goes with it.
  for (const h of handoffs.values()) {
    if (h.tabId === tabId) {
      chrome.storage.session.remove(h.key);
      h.tabId = null;
    }
  }
});

// ---- automatic checking on the sites the user granted ------------------------------------------------------------

let syncing = Promise.resolve();
/** Register content.js + auto.js for exactly the origins the user granted (optional host permissions). */
function syncAutoCheck() {
  syncing = syncing.then(async () => {
    const { origins = [] } = await chrome.permissions.getAll();
    const required = chrome.runtime.getManifest().host_permissions ?? [];
    const matches = origins.filter((o) => !required.includes(o));
    const old = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_ID] });
    if (old.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_ID] });
    if (matches.length) {
      await chrome.scripting.registerContentScripts([{ id: AUTO_ID, matches, js: ['content.js', 'auto.js'], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return matches;
  }).catch((err) => { console.warn('nianbao: auto-check registration failed', err); return []; });
  return syncing;
}

chrome.runtime.onInstalled.addListener(() => { syncAutoCheck(); });
chrome.runtime.onStartup.addListener(() => { syncAutoCheck(); });
chrome.permissions.onAdded.addListener(() => { syncAutoCheck(); });
chrome.permissions.onRemoved.addListener(() => { syncAutoCheck(); });

// For the options page and the tests (evaluated in the service worker): the same functions a click runs.
globalThis.nianbao = { checkTab, syncAutoCheck, openFull, expireHandoffs, jump, lastRun: (tabId) => runs.get(tabId) ?? null, lastClick: () => lastClick };
