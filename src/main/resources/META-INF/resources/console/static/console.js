// The console's only script: live fragments over server-sent events, and countdowns.
// Pages work without it (forms post and redirect); it only keeps what is shown current.
(function () {
  "use strict";

  function countdown(el) {
    var ms = Date.parse(el.getAttribute("data-deadline")) - Date.now();
    var s = Math.round(Math.abs(ms) / 1000);
    var text = (s >= 3600 ? Math.floor(s / 3600) + "h " : "") +
      (s >= 60 ? Math.floor((s % 3600) / 60) + "m " : "") + (s % 60) + "s";
    el.textContent = ms >= 0 ? "in " + text : "due " + text + " ago";
  }

  function tick() {
    document.querySelectorAll("[data-deadline]").forEach(countdown);
  }

  function follow(el) {
    var source = new EventSource(el.getAttribute("data-live"));
    var latest = 0;
    source.onmessage = function () {
      var mine = ++latest; // answers may arrive out of order: only the newest request's counts
      fetch(el.getAttribute("data-fragment"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (mine === latest && html !== null && html !== el.liveHtml) {
            el.liveHtml = html;
            // server-rendered by Qute, every value escaped there
            el.innerHTML = html;
            el.setAttribute("data-updated", String(Date.now()));
            tick();
          }
        });
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(follow);
    tick();
    setInterval(tick, 1000);
  });
})();
