// "Hat dir das geholfen?": this browser remembers, in its own localStorage, which posts it has answered, and shows
// "Danke!" there instead of the buttons. Nothing of it goes to the server, which only counts yes and no.
(() => {
  const key = (post) => `hilfreich:${post}`;
  const remember = (post) => {
    try {
      localStorage.setItem(key(post), "1");
    } catch {
      // Storage switched off or full: the buttons simply stay.
    }
  };
  const answered = (post) => {
    try {
      return localStorage.getItem(key(post)) === "1";
    } catch {
      return false;
    }
  };
  for (const section of document.querySelectorAll("[data-feedback-post]")) {
    const post = section.dataset.feedbackPost;
    const form = section.querySelector("form");
    const thanks = section.querySelector(".feedback-thanks");
    if (section.querySelector("[data-answered]")) {
      remember(post);
    } else if (answered(post) && form && thanks) {
      form.hidden = true;
      thanks.hidden = false;
    }
    form?.addEventListener("submit", () => remember(post));
  }
})();
