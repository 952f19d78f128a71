// Service worker of a jobcenter (scope: the tenant's path). Shows the platform's web-push messages and opens their
// link, or the one-tap unsubscribe link, when the person taps them.
'use strict';

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = { title: 'Benachrichtigung', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(data.title || 'Benachrichtigung', {
    body: data.body || '',
    lang: 'de',
    data: { url: data.url, unsubscribe: data.unsubscribe },
    actions: data.unsubscribe ? [{ action: 'unsubscribe', title: 'Abbestellen' }] : [],
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const target = event.action === 'unsubscribe' ? data.unsubscribe : data.url;
  if (target) {
    event.waitUntil(self.clients.openWindow(target));
  }
});
