// Runs before the first paint (a classic script in <head>): applies the remembered language and theme, so the
// page never flashes the wrong ones. prefs.js owns the keys and changes them later.
(function () {
  var root = document.documentElement;
  var lang = null, theme = null;
  try { lang = localStorage.getItem('nianbao.lang'); theme = localStorage.getItem('nianbao.theme'); } catch (e) { /* none */ }
  if (lang === 'en') root.lang = 'en';
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  root.dataset.theme = theme;
})();
