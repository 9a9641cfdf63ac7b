(function () {
  "use strict";
  var status = document.getElementById("status");
  function clear() {
    document.querySelectorAll(".s.evidence").forEach(function (el) { el.classList.remove("evidence"); });
    document.querySelectorAll("[aria-pressed='true']").forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
    document.querySelectorAll(".tl-active").forEach(function (el) { el.classList.remove("tl-active"); });
  }
  function highlight(source) {
    var ids = (source.getAttribute("data-evidence") || "").split(/\s+/).filter(Boolean);
    clear();
    var first = null;
    ids.forEach(function (id) {
      var el = document.getElementById("sent-" + id);
      if (el) { el.classList.add("evidence"); if (!first) { first = el; } }
    });
    if (source.tagName === "BUTTON") { source.setAttribute("aria-pressed", "true"); }
    else { source.classList.add("tl-active"); }
    if (status) {
      status.textContent = ids.length ? "Evidence highlighted: " + ids.map(function (i) { return "s" + i; }).join(", ") : "";
    }
    if (first) {
      var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      first.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-evidence]") : null;
    if (target) { event.preventDefault(); highlight(target); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); if (status) { status.textContent = ""; } return; }
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var target = event.target;
    if (target && target.getAttribute && target.getAttribute("role") === "button" && target.hasAttribute("data-evidence")) {
      event.preventDefault();
      highlight(target);
    }
  });
})();
