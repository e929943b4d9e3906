// A quiz attempt. Answers are saved by htmx half a second after they change; this script makes
// sure none is lost on the way:
// - a click that leaves the page (a link, Submit, the next question) first sends the answers
//   still waiting for their half second, then goes on;
// - a save that fails (no connection, logged out, an error) says so and is sent again every few
//   seconds until it is saved;
// - the time left is counted down from what the server said; at zero the page goes to the
//   result, which the server has closed at the deadline with the answers saved by then.
(function () {
  "use strict";

  var pending = new Set();

  function statusOf(form) {
    return document.getElementById("status-" + form.dataset.position);
  }

  function answerForm(element) {
    return element && element.closest ? element.closest(".answer-form") : null;
  }

  document.addEventListener("input", function (event) {
    var form = answerForm(event.target);
    if (form) {
      pending.add(form);
      statusOf(form).textContent = "Not saved yet…";
    }
  });

  function retryLater(form, message) {
    statusOf(form).textContent = message;
    pending.add(form);
    window.setTimeout(function () {
      if (pending.has(form)) {
        window.htmx.trigger(form, "retry");
      }
    }, 5000);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = answerForm(event.detail.elt);
    if (form) {
      statusOf(form).textContent = "Saving…";
    }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = answerForm(event.detail.elt);
    if (!form) {
      return;
    }
    var xhr = event.detail.xhr;
    if (xhr.responseURL && xhr.responseURL.indexOf("/accounts/login/") !== -1) {
      event.detail.shouldSwap = false;
      retryLater(form, "Not saved: you are logged out. Log in again in another tab; the answer is kept here and sent again.");
    } else if (xhr.status >= 400) {
      event.detail.shouldSwap = false;
      retryLater(form, "Not saved (the server answered " + xhr.status + "). It is sent again in a moment; reload the page if this stays.");
    } else {
      pending.delete(form);
    }
  });

  function offline(event) {
    var form = answerForm(event.detail.elt);
    if (form) {
      retryLater(form, "Not saved yet: no connection. It is sent again in a moment.");
    }
  }
  document.addEventListener("htmx:sendError", offline);
  document.addEventListener("htmx:timeout", offline);

  // Send what is waiting, then carry on: `then` runs once every save has answered (or failed).
  function flush(then) {
    var forms = Array.from(pending);
    if (!forms.length) {
      then();
      return;
    }
    Promise.all(
      forms.map(function (form) {
        return fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { "HX-Request": "true" },
          credentials: "same-origin",
        }).then(function (response) {
          if (response.ok && response.url.indexOf("/accounts/login/") === -1) {
            pending.delete(form);
          }
        });
      })
    ).then(then, then);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("a[href], button[type=submit]");
    if (!target || !pending.size || target.dataset.flushed) {
      return;
    }
    // A button inside an answer form posts that form's answer itself.
    var own = answerForm(target);
    if (own) {
      pending.delete(own);
    }
    if (!pending.size) {
      return;
    }
    event.preventDefault();
    flush(function () {
      target.dataset.flushed = "1";
      target.click();
    });
  });

  window.addEventListener("beforeunload", function (event) {
    if (pending.size) {
      flush(function () {});
      event.preventDefault();
      event.returnValue = "";
    }
  });

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
        flush(function () {
          pending.clear();
          window.location.href = timer.dataset.resultUrl;
        });
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
})();
