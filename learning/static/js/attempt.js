// A quiz attempt: the time left, counted down from what the server said; at zero the page goes
// to the result, which the server has closed at the deadline. An answer whose save failed (no
// connection) says so and is sent again every few seconds until it is saved.
(function () {
  "use strict";

  var timer = document.querySelector(".timer");
  if (timer) {
    var ends = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
    var value = timer.querySelector(".timer-value");
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      timer.classList.toggle("timer-low", left <= 60);
      if (left === 0) {
        window.location.href = timer.dataset.resultUrl;
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }

  function statusOf(form) {
    return document.getElementById("status-" + form.dataset.position);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form.classList && form.classList.contains("answer-form")) {
      statusOf(form).textContent = "Saving…";
    }
  });

  function retryLater(event) {
    var form = event.detail.elt;
    if (!form.classList || !form.classList.contains("answer-form")) {
      return;
    }
    statusOf(form).textContent = "Not saved yet: no connection. It is sent again in a moment.";
    window.setTimeout(function () {
      window.htmx.trigger(form, "retry");
    }, 5000);
  }
  document.addEventListener("htmx:sendError", retryLater);
  document.addEventListener("htmx:timeout", retryLater);
})();
