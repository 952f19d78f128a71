// Registers the jobcenter's service worker (scope: this jobcenter's pages) so that posts once opened stay readable
// offline. Without JavaScript or service workers the site works as before.
'use strict';

(function () {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  const scope = new URL('./', document.baseURI);
  navigator.serviceWorker.register(new URL('sw.js', scope).href, { scope: scope.pathname }).catch(() => { });
  // The worker shows its offline page in the language of the pages the person reads.
  navigator.serviceWorker.ready
    .then((registration) => registration.active && registration.active.postMessage({ language: document.documentElement.lang }))
    .catch(() => { });
})();
