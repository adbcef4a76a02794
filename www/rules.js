// The rules page: generated from the engine's rules() and explain(), in the chosen language, offline.
// Documentation Markdown is rendered by markdown.js into DOM nodes (textContent only).
import { load, rules, explain, version } from './checker.js';
import { t, setLanguage, language, translate } from './i18n.js';
import * as prefs from './prefs.js';
import { renderMarkdown } from './markdown.js';

const $ = (sel) => document.querySelector(sel);
const message = $('[data-message]');
const box = $('[data-rules]');
const toc = $('[data-toc]');
const tocList = $('[data-toc-list]');

function node(tag, props = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') n.textContent = v;
    else if (k === 'class') n.className = v;
    else n.setAttribute(k, v);
  }
  n.append(...children);
  return n;
}

function applyLanguage() {
  setLanguage(prefs.lang());
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  document.title = t('rulesTitle');
  translate();
  $('[data-action="lang"]').setAttribute('lang', language() === 'en' ? 'zh-CN' : 'en');
  updateThemeButton();
}

function updateThemeButton() {
  const button = $('[data-action="theme"]');
  button.setAttribute('aria-pressed', String(document.documentElement.dataset.theme === 'dark'));
  button.firstElementChild.textContent = t('themeToDark');
}

function draw() {
  const lang = language();
  const list = rules(lang);
  const sections = [];
  const items = [];
  for (const r of list) {
    items.push(node('li', {}, node('a', { href: `#${r.code}`, text: `${r.code} ${r.summary ?? r.name}` })));
    const section = node('section', { class: 'rule', id: r.code, 'data-rule': r.code, 'aria-labelledby': `${r.code}-h` });
    const md = explain(r.code, lang);
    if (md) section.append(renderMarkdown(md, { headingShift: 1, idPrefix: `${r.code}-h` }));
    else section.append(node('h2', { id: `${r.code}-h`, text: `${r.code} ${r.name}` }), node('p', { text: r.summary ?? '' }));
    sections.push(section);
  }
  tocList.replaceChildren(...items);
  box.replaceChildren(...sections);
  toc.hidden = false;
  message.hidden = true;
  showTarget();
}

function showTarget() {
  const code = decodeURIComponent(location.hash.slice(1));
  if (!code) return;
  const target = document.getElementById(code);
  if (target) {
    target.scrollIntoView();
    target.querySelector('h2')?.setAttribute('tabindex', '-1');
    target.querySelector('h2')?.focus({ preventScroll: true });
  } else {
    message.hidden = false;
    message.textContent = t('ruleNotFound', code);
  }
}

$('[data-action="lang"]').addEventListener('click', () => {
  prefs.setLang(language() === 'en' ? 'zh' : 'en');
  applyLanguage();
  draw();
});
$('[data-action="theme"]').addEventListener('click', () => {
  prefs.setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
  updateThemeButton();
});
prefs.followSystemTheme(updateThemeButton);
window.addEventListener('hashchange', showTarget);

applyLanguage();
message.textContent = t('loadingEngine');
try {
  await load();
  $('[data-version]').textContent = version();
  draw();
} catch (err) {
  message.textContent = t('engineFailed') + (err?.message ?? err);
}
