// Language and theme: remembered in localStorage, shared by every page of the site. boot.js applies the stored
// choice before the first paint; this module changes it.
const LANG_KEY = 'nianbao.lang';
const THEME_KEY = 'nianbao.theme';

function stored(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}
function store(key, value) {
  try { localStorage.setItem(key, value); } catch { /* private mode: the choice lasts for this page only */ }
}

export function lang() {
  return stored(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function setLang(value) {
  store(LANG_KEY, value === 'en' ? 'en' : 'zh');
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
}

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/** 'light' | 'dark': the stored choice, else the system's. */
export function theme() {
  const t = stored(THEME_KEY);
  if (t === 'light' || t === 'dark') return t;
  return darkQuery.matches ? 'dark' : 'light';
}

export function setTheme(value) {
  const t = value === 'dark' ? 'dark' : 'light';
  store(THEME_KEY, t);
  document.documentElement.dataset.theme = t;
}

/** Follow the system's scheme while the user has not chosen one. */
export function followSystemTheme(onChange) {
  darkQuery.addEventListener('change', () => {
    if (!stored(THEME_KEY)) {
      document.documentElement.dataset.theme = theme();
      onChange?.();
    }
  });
}
