// Chrome's offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so HTML is checked here.
// Messages: { target: 'offscreen', type: 'check', html, options } → { result, places } | { error }.
import { checkHtml } from './engine.js';

chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg?.target !== 'offscreen') return false;
  if (msg.type !== 'check') {
    reply({ error: `unknown request ${msg.type}` });
    return false;
  }
  checkHtml(msg.html, msg.options).then(reply, (err) => reply({ error: String(err?.message ?? err) }));
  return true; // replies asynchronously
});
