// Registers the jobcenter's service worker (scope: this jobcenter's pages) so that posts once opened stay readable
// offline. Without JavaScript or service workers the site works as before.
'use strict';

(function () {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  const scope = new URL('./', document.baseURI);
  // The same address as the push buttons' (data-push-worker), so that every page keeps the one worker of its language.
  const worker = new URL('sw.js?lang=' + encodeURIComponent(document.documentElement.lang || 'de'), scope);
  navigator.serviceWorker.register(worker.href, { scope: scope.pathname }).catch(() => { });
})();
