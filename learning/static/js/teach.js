// The question bank: after a question is approved or rejected in place, htmx replaces its card;
// focus goes to the new card so a keyboard or screen reader user keeps their place.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var card = event.detail.elt;
    if (card && card.classList && card.classList.contains("question")) {
      card.focus({ preventScroll: true });
    }
  });
})();
