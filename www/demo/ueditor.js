// The UEditor demo: Baidu's UEditor (served locally), no upload server (serverUrl ''), with the nianbao adapter.
import { ueditorAdapter } from '../editors/ueditor.js';

const editor = window.UE.getEditor('report', {
  serverUrl: '',
  initialFrameWidth: '100%',
  initialFrameHeight: 560,
  autoHeightEnabled: false,
  elementPathEnabled: false,
  wordCount: false,
  toolbars: [['undo', 'redo', '|', 'bold', 'italic', '|', 'insertorderedlist', 'insertunorderedlist', '|', 'inserttable', 'deletetable', '|', 'source']],
});
editor.ready(() => {
  window.demoEditor = editor;
  ueditorAdapter(editor);
});
