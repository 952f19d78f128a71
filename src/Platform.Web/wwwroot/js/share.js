// The post page's share button: the phone's own share sheet (Web Share API), which offers the messenger the person
// already uses; where a browser has none, the link is copied. Without script the button stays hidden and the link
// field and the e-mail link beside it do the same.
(() => {
  for (const button of document.querySelectorAll("button[data-share-url]")) {
    const status = document.getElementById(button.dataset.status);
    const field = document.getElementById(button.dataset.field);
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.shareUrl);
        status.textContent = button.dataset.copied;
      } catch {
        field.select();
        status.textContent = button.dataset.selected;
      }
    };
    button.hidden = false;
    button.addEventListener("click", async () => {
      if (!navigator.share) {
        await copy();
        return;
      }
      try {
        await navigator.share({ title: button.dataset.title, url: button.dataset.shareUrl });
      } catch (error) {
        if (error.name !== "AbortError") {
          await copy();
        }
      }
    });
  }
})();
