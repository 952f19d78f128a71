// Switches web push on for this browser: registers the tenant's service worker, subscribes with the platform's VAPID
// key and hands the subscription to the API. Without JavaScript the button does nothing and the page still works.
'use strict';

(function () {
  const button = document.querySelector('[data-push-subscribe]');
  const status = document.querySelector('[data-push-status]');
  if (!button) {
    return;
  }

  const say = (text) => { if (status) { status.textContent = text; } };
  // The page hands over its texts in the UI language (data-msg-*); German if it does not.
  const text = (name, german) => (status && status.dataset[name]) || german;
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
    button.disabled = true;
    say(text('msgUnsupported', 'Dieser Browser kann keine Push-Nachrichten empfangen.'));
    return;
  }

  const keyBytes = (base64url) => {
    const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };

  button.addEventListener('click', async () => {
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        say(text('msgDenied', 'Push-Nachrichten sind in deinem Browser nicht erlaubt.'));
        return;
      }
      const registration = await navigator.serviceWorker.register(button.dataset.pushWorker);
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(button.dataset.pushKey),
      });
      const json = subscription.toJSON();
      const response = await fetch(button.dataset.pushEndpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth }),
      });
      say(response.ok
        ? text('msgOn', 'Push ist auf diesem Gerät eingeschaltet.')
        : text('msgFailed', 'Das hat nicht geklappt. Bitte versuche es später noch einmal.'));
    } catch (e) {
      say(text('msgError', 'Das hat nicht geklappt:') + ' ' + e.message);
    }
  });
})();
