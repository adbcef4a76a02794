// Where UEditor's files are (www/vendor/ueditor, from npm by scripts/vendor-editors.sh); read by ueditor.config.js.
window.UEDITOR_HOME_URL = new URL('../vendor/ueditor/', document.currentScript.src).pathname;
