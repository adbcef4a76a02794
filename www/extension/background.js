// The extension's service worker (Chrome) or background page (Firefox, `background.scripts`).
//
// A click of the toolbar button or the shortcut (_execute_action, which grants activeTab) checks the tab:
//   1. content.js is injected into every frame; each says whether it holds a report and, if so, hands back a
//      clean copy of what it shows (hidden anti-scraping elements left out, cells numbered);
//   2. the frame with the report is checked by the engine in the offscreen document (Chrome; the service worker
//      has no DOMParser) or right here (Firefox's background page has one); a page's CSP cannot block it there;
//   3. the badge shows the number of errors, or ✓; the report's frame gets the outlines and the top frame the
//      panel. A page that is not a report is left untouched and its badge empty.
// On sites the user granted (options page), content.js + auto.js are registered to do steps 1–3 by themselves
// (without the panel). The extension makes no network request of its own.
import { checkHtml, hasTables } from './engine.js';

const OFFSCREEN = 'offscreen.html';
const AUTO_ID = 'nianbao-auto';
const COLORS = { error: '#c4001a', ok: '#1d7a34' };

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

/** What the last check of each tab found: { frameId, result, places, html, title, url }. Kept in session storage too. */
const checked = new Map();
const key = (tabId) => `tab:${tabId}`;

async function tabState(tabId) {
  if (checked.has(tabId)) return checked.get(tabId);
  const { [key(tabId)]: saved } = await chrome.storage.session.get(key(tabId));
  return saved ?? null;
}

async function setBadge(tabId, result) {
  if (!result) {
    await chrome.action.setBadgeText({ tabId, text: '' });
    await chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage('actionTitle') });
    return;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  await chrome.action.setBadgeText({ tabId, text: errors ? String(errors) : '✓' });
  await chrome.action.setBadgeBackgroundColor({ tabId, color: errors ? COLORS.error : COLORS.ok });
  const zh = errors ? `年报检查：${errors} 个错误` : '年报检查：没有错误';
  const en = errors ? `${errors} error(s)` : 'no errors';
  await chrome.action.setTitle({ tabId, title: `${zh} / ${en}` });
}

/**
 * Check the report in a tab. `scans` are the frames' scan() results ({ frameId, result }) when they are known
 * (auto-check); otherwise content.js is injected into every frame. Returns what it did, for people and tests:
 * { report: false } or { report: true, frameId, errors, diagnostics }.
 */
async function checkTab(tabId, { panel = true, scans = null } = {}) {
  if (!scans) {
    scans = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] });
  }
  // The report's frame: the one showing the most report tables (the top frame first on a tie).
  const frames = scans.filter((s) => s.result?.report).sort((a, b) => b.result.tables - a.result.tables || a.frameId - b.frameId);
  const options = { lang: await lang() };
  for (const frame of frames) {
    const { html, title, url } = frame.result;
    const { result, places } = await engine(html, { ...options, file: title || url });
    if (!hasTables(result)) continue; // says 年度报告 but the engine found none of its tables
    const state = { frameId: frame.frameId, result, places, html, title, url };
    checked.set(tabId, state);
    await chrome.storage.session.set({ [key(tabId)]: state });
    await chrome.scripting.insertCSS({ target: { tabId, frameIds: [frame.frameId] }, files: ['page.css'], origin: 'USER' });
    await chrome.tabs.sendMessage(tabId, { type: 'nianbao:mark', result, places, lang: options.lang }, { frameId: frame.frameId });
    await setBadge(tabId, result);
    if (panel) await showPanel(tabId, state, options.lang);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    return { report: true, frameId: frame.frameId, errors, diagnostics: result.diagnostics.length };
  }
  checked.delete(tabId);
  await chrome.storage.session.remove(key(tabId));
  await setBadge(tabId, null);
  return { report: false };
}

async function showPanel(tabId, state, language) {
  // The panel lives in the top frame; when the report is in a frame, the top frame needs content.js too.
  if (state.frameId !== 0) {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => globalThis.__nianbaoExtension?.listen() });
  }
  await chrome.tabs.sendMessage(tabId, { type: 'nianbao:panel', result: state.result, places: state.places, lang: language, url: state.url }, { frameId: 0 });
}

/** "Open in the full checker": the page packaged in the extension, preloaded through session storage. */
async function openFull(tabId) {
  const state = await tabState(tabId);
  if (!state) return false;
  const id = `preload:${crypto.randomUUID()}`;
  await chrome.storage.session.set({ [id]: { html: state.html, name: state.title || state.url, url: state.url } });
  await chrome.tabs.create({ url: chrome.runtime.getURL(`index.html?preload=${encodeURIComponent(id)}`), openerTabId: tabId });
  return true;
}

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
  if (msg.type === 'nianbao:jump') work = jump(tabId, msg.index);
  else if (msg.type === 'nianbao:open-full') work = openFull(tabId);
  else if (msg.type === 'nianbao:auto') work = checkTab(tabId, { panel: false, scans: [{ frameId: sender.frameId, result: msg.scan }] });
  else return false;
  work.then(reply, (err) => reply({ error: String(err?.message ?? err) }));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  checked.delete(tabId);
  runs.delete(tabId);
  chrome.storage.session.remove(key(tabId));
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
globalThis.nianbao = { checkTab, syncAutoCheck, openFull, jump, lastRun: (tabId) => runs.get(tabId) ?? null, lastClick: () => lastClick };
