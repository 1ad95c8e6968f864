// Keep "5 minutes ago" true on pages served from a cache: the server's wording, recomputed here.
(function () {
  "use strict";
  var zone = document.documentElement.getAttribute("data-timezone") || undefined;
  var dayFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
  // Django's "j M Y" names; Intl's en-GB short months say "Sept", which the server never writes.
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function plural(n, unit) { return n + " " + unit + (n === 1 ? "" : "s") + " ago"; }

  function dayNumber(date) {
    // Days since the epoch of the calendar date in the newsroom's time zone.
    return Math.round(Date.parse(dayFormat.format(date) + "T00:00:00Z") / 86400000);
  }

  function relative(when, now) {
    var seconds = (now - when) / 1000;
    if (seconds < 60) return "just now";
    if (seconds < 3600) return plural(Math.floor(seconds / 60), "minute");
    if (seconds < 86400) return plural(Math.floor(seconds / 3600), "hour");
    if (dayNumber(now) - dayNumber(when) === 1) return "yesterday";
    var ymd = dayFormat.format(when).split("-");  // "2026-09-11" in the newsroom's time zone
    return Number(ymd[2]) + " " + months[Number(ymd[1]) - 1] + " " + ymd[0];
  }

  function refresh() {
    var now = new Date();
    var nodes = document.querySelectorAll("time[data-relative]");
    for (var i = 0; i < nodes.length; i++) {
      var when = new Date(nodes[i].getAttribute("datetime"));
      if (!isNaN(when)) nodes[i].textContent = relative(when, now);
    }
  }

  window.copydeskRelativeTime = relative;
  refresh();
  setInterval(refresh, 30000);
})();
