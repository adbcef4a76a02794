// The CKEditor 5 demo: the self-contained browser build (www/vendor/ckeditor5, copied from npm by
// scripts/vendor-editors.sh), GPL licence key, Chinese UI, with the nianbao adapter.
import {
  ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, List, Table, TableToolbar, PasteFromOffice,
} from '../vendor/ckeditor5/ckeditor5.js';
import zh from '../vendor/ckeditor5/translations/zh-cn.js';
import { ckeditor5Adapter } from '../editors/ckeditor5.js';

const textarea = document.getElementById('report');
const editor = await ClassicEditor.create(textarea, {
  licenseKey: 'GPL',
  language: 'zh-cn',
  translations: [zh],
  plugins: [Essentials, Paragraph, Heading, Bold, Italic, List, Table, TableToolbar, PasteFromOffice],
  toolbar: ['undo', 'redo', '|', 'heading', '|', 'bold', 'italic', '|', 'bulletedList', 'numberedList', '|', 'insertTable'],
  table: { contentToolbar: ['tableColumn', 'tableRow', 'mergeTableCells'] },
});
window.demoEditor = editor;
ckeditor5Adapter(editor);
