// The Instagram kit's copy button: copies the caption of the textarea named by data-copy to the clipboard and says so
// in the status next to it. Without JavaScript or the Clipboard API the button stays hidden and the caption is
// selected and copied by hand.
(() => {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }

  for (const button of document.querySelectorAll('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector('[data-copy-status]');
    if (!source) {
      continue;
    }

    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.value);
        if (status) {
          status.textContent = status.dataset.copied;
        }
      } catch {
        source.select();
      }
    });
  }
})();
