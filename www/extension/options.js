// The options page: the language of the findings, and the sites checked automatically (optional host permissions;
// the service worker registers the content script for exactly those). Text is set with textContent only.
const $ = (s) => document.querySelector(s);
const status = $('[data-status]');
const GOV = '*://*.gov.cn/*';

async function showLang() {
  const { lang } = await chrome.storage.local.get('lang');
  for (const r of document.querySelectorAll('[data-lang]')) r.checked = r.value === (lang === 'en' ? 'en' : 'zh');
}
for (const r of document.querySelectorAll('[data-lang]')) {
  r.addEventListener('change', () => chrome.storage.local.set({ lang: r.value }));
}

async function showOrigins() {
  const { origins = [] } = await chrome.permissions.getAll();
  const list = $('[data-origins]');
  list.replaceChildren(...origins.map((origin) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = origin;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '取消授权 / Remove';
    remove.addEventListener('click', async () => {
      await chrome.permissions.remove({ origins: [origin] });
      await showOrigins();
    });
    li.append(code, remove);
    return li;
  }));
  $('[data-none]').hidden = origins.length > 0;
  $('[data-grant-gov]').disabled = origins.includes(GOV);
}

async function grant(origin) {
  try {
    const ok = await chrome.permissions.request({ origins: [origin] });
    status.textContent = ok ? `已授权 ${origin} / granted` : `未授权 ${origin} / not granted`;
  } catch (err) {
    status.textContent = `无法授权 / cannot grant: ${err?.message ?? err}`;
  }
  await showOrigins();
}

$('[data-grant-gov]').addEventListener('click', () => grant(GOV));
$('[data-add]').addEventListener('submit', (event) => {
  event.preventDefault();
  const host = new FormData(event.target).get('site').trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host)) {
    status.textContent = '请填写域名，如 www.example.gov.cn / enter a host name such as www.example.gov.cn';
    return;
  }
  grant(`*://${host.replace(/:\d+$/, '')}/*`);
});

chrome.permissions.onAdded.addListener(showOrigins);
chrome.permissions.onRemoved.addListener(showOrigins);
showLang();
showOrigins();
