// Keyboard shortcuts and focus for /review/: Space shows the answer, 1-4 rate the card, as in
// Anki. After htmx swaps in a card, focus moves to its main control so keyboard and screen
// reader users carry on where the new content is.
(function () {
  "use strict";

  function region() {
    return document.getElementById("review-card");
  }

  function focusNewContent() {
    var target = region() && region().querySelector("[data-autofocus]");
    if (target) {
      target.focus({ preventScroll: false });
    }
  }

  document.addEventListener("keydown", function (event) {
    var card = region();
    if (!card || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    }
    // Typing an answer: Space and digits are part of it (Enter submits the form).
    if (event.target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var key = event.key === " " ? "space" : event.key;
    if (!/^(space|[1-9])$/.test(key)) {
      return;
    }
    // While a request is out or a new card is settling in, its buttons are not wired to htmx yet:
    // a key now would submit the old way and reload the page.
    if (card.querySelector(".htmx-request") || card.matches(".htmx-swapping, .htmx-settling")) {
      event.preventDefault();
      return;
    }
    var button = card.querySelector('[data-key="' + key + '"]');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  // After settling, not after swapping: by then htmx has wired up the new forms, so a key pressed
  // as soon as focus lands goes through htmx too.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target === region()) {
      focusNewContent();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusNewContent);
  } else {
    focusNewContent();
  }
})();
