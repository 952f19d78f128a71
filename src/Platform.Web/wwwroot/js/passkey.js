// Passkeys (WebAuthn) for forms marked data-passkey="create" or data-passkey="get": asks the server for the options
// (posting the form, so its antiforgery token goes along), lets the browser create or use a passkey, and submits the
// form with the browser's answer in the hidden field [data-passkey-credential]. Without WebAuthn the forms stay hidden.
(() => {
  'use strict';
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
    return;
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const container = form.closest('[data-passkey-container]') ?? form;
    container.hidden = false;
    const status = container.querySelector('[data-passkey-status]');
    let answered = false;

    form.addEventListener('submit', async (event) => {
      if (answered) {
        return;
      }

      event.preventDefault();
      if (status) {
        status.textContent = '';
      }

      try {
        const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!response.ok) {
          throw new Error('options: ' + response.status);
        }

        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.querySelector('[data-passkey-credential]').value = JSON.stringify(credential);
        answered = true;
        form.requestSubmit(event.submitter);
      } catch (error) {
        if (status) {
          status.textContent = error && error.name === 'NotAllowedError'
            ? status.dataset.msgCancelled || 'Abgebrochen. Du kannst es noch einmal versuchen.'
            : status.dataset.msgFailed || 'Das hat nicht geklappt. Bitte versuche es noch einmal.';
        }
      }
    });
  }
})();
