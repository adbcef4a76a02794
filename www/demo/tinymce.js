// The TinyMCE demo: a self-hosted TinyMCE 8 (www/vendor/tinymce, copied from npm by scripts/vendor-editors.sh)
// with the nianbao adapter; <nianbao-check for="report"> picks the adapter up.
import { tinymceAdapter } from '../editors/tinymce.js';

window.tinymce.init({
  selector: '#report',
  license_key: 'gpl',
  base_url: new URL('../vendor/tinymce', import.meta.url).pathname,
  suffix: '.min',
  height: 640,
  menubar: false,
  promotion: false,
  branding: false,
  plugins: 'table lists code',
  toolbar: 'undo redo | bold italic | bullist numlist | table | code',
  setup: (editor) => editor.on('init', () => { window.demoEditor = editor; tinymceAdapter(editor); }),
});
