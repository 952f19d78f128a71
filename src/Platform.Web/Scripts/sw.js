// Service worker of a jobcenter (scope: the tenant's path). Shows the platform's web-push messages and opens their
// link, or the one-tap unsubscribe link, when the person taps them.
'use strict';

// The worker's words in every UI language; the server puts them here (HTML-escaped) in place of the German ones.
const WORDS = {"de":{"dir":"ltr","title":"Offline","heading":"Du bist offline","text":"Diese Seite hast du noch nicht gelesen, darum ist sie ohne Verbindung nicht da. Beiträge, die du schon geöffnet hast, kannst du weiter lesen.","notification":"Benachrichtigung","unsubscribe":"Abbestellen"}};

// The language of the pages the person reads (offline.js tells the worker on every page), kept for the offline page.
// The key resolves inside this jobcenter's path, so each jobcenter on a shared host keeps its own; it is no page of the
// platform, and the offline fallback below looks only into the pages' cache.
const SETTINGS = 'einstellungen-v1';
const LANGUAGE_KEY = 'sw-sprache';
const rememberLanguage = async (language) => (await caches.open(SETTINGS)).put(LANGUAGE_KEY, new Response(language));
const recallLanguage = async () => {
  const stored = await (await caches.open(SETTINGS)).match(LANGUAGE_KEY);
  const language = stored ? await stored.text() : 'de';
  return WORDS[language] ? language : 'de';
};

self.addEventListener('message', (event) => {
  const language = event.data && event.data.language;
  if (typeof language === 'string' && WORDS[language]) {
    event.waitUntil(rememberLanguage(language));
  }
});

// A push message is written in its recipient's language by the server: its title and text, and the button's label.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = { body: event.data ? event.data.text() : '' };
  }
  const language = WORDS[data.lang] ? data.lang : 'de';
  event.waitUntil(self.registration.showNotification(data.title || WORDS[language].notification, {
    body: data.body || '',
    lang: language,
    dir: 'auto',
    data: { url: data.url, unsubscribe: data.unsubscribe },
    actions: data.unsubscribe ? [{ action: 'unsubscribe', title: data.unsubscribeLabel || WORDS[language].unsubscribe }] : [],
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

// Offline reading: the feed and the posts a person opened stay readable without a connection. Network first (so
// nothing is ever shown stale while online), the copy only when the network fails; account pages are never kept.
// The tools (Bewerbungsmappe, Video-Check) work in the browser alone: their pages, stylesheets and scripts (pdf-lib
// among them) are kept the same way, so they open offline after the first visit. Never the person's documents: they
// are never requested.
const PAGES = 'lesen-v1';
const MAX_PAGES = 40;
const TOOLS = ['bewerbungsmappe', 'video-check'];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const readingPage = (url) => {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return false;
  }
  const path = url.pathname.slice(scope.pathname.length);
  return path === '' || path.startsWith('posts/') || TOOLS.includes(path);
};

const keep = async (request, response) => {
  const cache = await caches.open(PAGES);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
    await cache.delete(old);
  }
};

const offlinePage = (language) => new Response(
  '<!DOCTYPE html><html lang="' + language + '" dir="' + WORDS[language].dir + '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>' + WORDS[language].title + '</title></head><body><main><h1>' + WORDS[language].heading + '</h1>' +
  '<p>' + WORDS[language].text + '</p>' +
  '</main></body></html>',
  { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const page = request.mode === 'navigate' && readingPage(url);
  const style = (request.destination === 'style' || request.destination === 'script') && url.origin === self.location.origin;
  if (request.method !== 'GET' || (!page && !style)) {
    return;
  }
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      const noStore = (response.headers.get('Cache-Control') || '').includes('no-store');
      if (response.ok && response.type === 'basic' && !noStore) {
        event.waitUntil(keep(request, response.clone()));
      }
      return response;
    } catch (error) {
      const copy = await (await caches.open(PAGES)).match(request);
      return copy || (page ? offlinePage(await recallLanguage()) : Response.error());
    }
  })());
});
