// "Hat dir das geholfen?": the answer goes to the API and the page stays where it is; this browser remembers, in its
// own localStorage, which posts it has answered, and shows "Danke!" there instead of the buttons. Nothing of that
// goes to the server, which only counts yes and no. Without this script the form posts and leads back to the post.
(() => {
  const key = (post) => `hilfreich:${post}`;
  const remember = (post) => {
    try {
      localStorage.setItem(key(post), "1");
    } catch {
      // Storage switched off or full: the buttons simply come back next time.
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
    const showThanks = () => {
      form.hidden = true;
      thanks.hidden = false;
    };
    if (section.querySelector("[data-answered]")) {
      remember(post);
      continue;
    }
    if (!form || !thanks) {
      continue;
    }
    if (answered(post)) {
      showThanks();
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const helpful = event.submitter?.value === "true";
      try {
        const response = await fetch(form.dataset.feedbackApi, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ helpful }),
          credentials: "omit",
        });
        if (response.ok) {
          remember(post);
          showThanks();
        }
      } catch {
        // Offline: the buttons stay, so the answer can be given again later.
      }
    });
  }
})();
