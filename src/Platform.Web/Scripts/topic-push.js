// Topic subscriptions without an account: subscribes this browser to web push and hands the subscription with the
// chosen topics to the API. The answer's id is the only handle on the subscription; it stays in this browser's
// localStorage so that the person can delete the subscription here. Without JavaScript or push the page explains it.
'use strict';

(function () {
  const form = document.querySelector('[data-topic-subscribe]');
  const formArea = document.querySelector('[data-topic-form]');
  const fallback = document.querySelector('[data-topic-fallback]');
  const current = document.querySelector('[data-topic-current]');
  const list = document.querySelector('[data-topic-list]');
  const remove = document.querySelector('[data-topic-delete]');
  const status = document.querySelector('[data-topic-status]');
  if (!form || !formArea || !current) {
    return;
  }

  const say = (text) => { if (status) { status.textContent = text; } };
  // The page hands over its texts in the UI language (data-msg-*); German if it does not.
  const text = (name, german) => (status && status.dataset[name]) || german;
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('localStorage' in window)) {
    say(text('msgUnsupported', 'Dieser Browser kann keine Push-Nachrichten empfangen.'));
    return;
  }

  // Tenants under /t/{slug} share an origin: the key names the tenant's path.
  const storageKey = 'topic-subscription:' + new URL(document.baseURI).pathname;
  const stored = () => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || 'null');
    } catch {
      return null;
    }
  };

  const show = () => {
    const subscription = stored();
    if (fallback) { fallback.hidden = true; }
    formArea.hidden = !!subscription;
    current.hidden = !subscription;
    if (subscription && list) {
      list.textContent = subscription.topics.join(', ');
    }
  };

  const keyBytes = (base64url) => {
    const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const topics = [...form.querySelectorAll('input[name="topics"]:checked')].map((input) => input.value);
    if (topics.length === 0) {
      say(text('msgChoose', 'Bitte wähle mindestens ein Thema.'));
      return;
    }
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        say(text('msgDenied', 'Push-Nachrichten sind in deinem Browser nicht erlaubt. Erlaube sie in den Einstellungen der Seite und versuche es noch einmal.'));
        return;
      }
      const registration = await navigator.serviceWorker.register(form.dataset.pushWorker);
      await navigator.serviceWorker.ready;
      const subscription = (await registration.pushManager.getSubscription()) || await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(form.dataset.pushKey),
      });
      const json = subscription.toJSON();
      const response = await fetch(form.dataset.pushEndpoint, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth, topics }),
      });
      if (!response.ok) {
        say(text('msgFailed', 'Das hat nicht geklappt. Bitte versuche es später noch einmal.'));
        return;
      }
      const created = await response.json();
      localStorage.setItem(storageKey, JSON.stringify({ id: created.id, topics: created.topics }));
      show();
      say(text('msgSubscribed', 'Abonniert. Du bekommst eine Nachricht, wenn es Neues zu deinen Themen gibt.'));
    } catch (e) {
      say(text('msgError', 'Das hat nicht geklappt: ') + e.message);
    }
  });

  if (remove) {
    remove.addEventListener('click', async () => {
      const subscription = stored();
      if (!subscription) {
        show();
        return;
      }
      try {
        const response = await fetch(form.dataset.pushEndpoint + '/' + encodeURIComponent(subscription.id), {
          method: 'DELETE',
          credentials: 'omit',
        });
        // 404: it was already gone (for example through the link in a message).
        if (!response.ok && response.status !== 404) {
          say(text('msgDeleteFailed', 'Das Löschen hat nicht geklappt. Bitte versuche es später noch einmal.'));
          return;
        }
        localStorage.removeItem(storageKey);
        show();
        say(text('msgDeleted', 'Dein Abo ist gelöscht. Wir schicken dir keine Nachrichten mehr zu diesen Themen.'));
      } catch (e) {
        say(text('msgDeleteError', 'Das Löschen hat nicht geklappt: ') + e.message);
      }
    });
  }

  show();
})();
