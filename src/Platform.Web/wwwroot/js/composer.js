// The post editor: a small Markdown toolbar (also Ctrl+B and Ctrl+K in the text) and previews that follow the form
// while typing. Without script the toolbar stays hidden and the "Vorschau" button renders the same previews.
(() => {
  const body = document.getElementById("body");
  const toolbar = document.querySelector(".md-toolbar");

  // Wraps the selection (or a placeholder word) in before/after, or starts each selected line with a prefix.
  const edit = (kind) => {
    const { selectionStart: start, selectionEnd: end, value } = body;
    const selected = value.slice(start, end);
    let text;
    let caret;
    if (kind === "bold") {
      text = `**${selected || "fett"}**`;
      caret = [start + 2, start + text.length - 2];
    } else if (kind === "link") {
      text = `[${selected || "Linktext"}](https://)`;
      caret = [start + text.length - 9, start + text.length - 1];
    } else {
      const prefix = kind === "list" ? "- " : "## ";
      const lineStart = value.lastIndexOf("\n", start - 1) + 1;
      const lines = value.slice(lineStart, end).split("\n").map((line) => prefix + line);
      text = lines.join("\n");
      body.setSelectionRange(lineStart, end);
      caret = [lineStart + text.length, lineStart + text.length];
    }
    body.focus();
    body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
    body.setSelectionRange(caret[0], caret[1]);
    body.dispatchEvent(new Event("input", { bubbles: true }));
  };

  if (body && toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-md]");
      if (button) {
        edit(button.dataset.md);
      }
    });
    body.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && (event.key === "b" || event.key === "k")) {
        event.preventDefault();
        edit(event.key === "b" ? "bold" : "link");
      }
    });
  }

  // Plain text previews follow their field at once.
  for (const field of ["title", "summary", "easyTitle", "easySummary", "easyReadTitle", "easyReadSummary"]) {
    const input = document.getElementById(field);
    if (!input) {
      continue;
    }
    input.addEventListener("input", () => {
      for (const target of document.querySelectorAll(`[data-live="${field}"]`)) {
        target.textContent = input.value || target.dataset.empty || "";
      }
    });
  }

  // The body is rendered by the platform itself (the same Markdown and sanitizer as for readers), a moment after typing.
  const html = document.querySelector('[data-live-html="body"]');
  let timer;
  if (body && html) {
    body.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const response = await fetch("api/v1/editorial/posts/preview", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ markdown: body.value }),
        });
        if (response.ok) {
          html.innerHTML = (await response.json()).html;
        }
      }, 400);
    });
  }
})();
