/* Guidebook behaviour: checklist ticks kept in this browser only, and case-study filters.
   Works without a server (file://) and sends nothing anywhere. */
(function () {
  "use strict";
  var PREFIX = "guidebook:checklist:";

  function readTicks(id) {
    try { return JSON.parse(localStorage.getItem(PREFIX + id) || "[]"); } catch (e) { return []; }
  }
  function writeTicks(id, ticks) {
    try {
      if (ticks.length) { localStorage.setItem(PREFIX + id, JSON.stringify(ticks)); }
      else { localStorage.removeItem(PREFIX + id); }
    } catch (e) { /* storage disabled: ticks last until the page closes */ }
  }

  function setupChecklist(root) {
    var id = root.getAttribute("data-gb-checklist");
    var boxes = root.querySelectorAll(".gb-checklist__items input");
    var status = root.querySelector(".gb-checklist__progress");
    var tools = root.querySelector(".gb-checklist__tools");
    var ticks = readTicks(id);
    function progress(message) {
      if (!status) { return; }
      var ticked = root.querySelectorAll(".gb-checklist__items input:checked").length;
      status.textContent = message || root.getAttribute("data-gb-progress")
        .replace("{ticked}", ticked).replace("{count}", boxes.length);
    }
    boxes.forEach(function (box) {
      box.checked = ticks.indexOf(box.value) !== -1;
      box.addEventListener("change", function () {
        var now = [];
        boxes.forEach(function (b) { if (b.checked) { now.push(b.value); } });
        writeTicks(id, now);
        progress();
      });
    });
    if (tools) {
      tools.hidden = false;
      tools.querySelector("[data-gb-clear]").addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; });
        writeTicks(id, []);
        progress(root.getAttribute("data-gb-cleared"));
      });
      tools.querySelector("[data-gb-print]").addEventListener("click", function () { window.print(); });
    }
    progress();
  }

  function setupFilters(form) {
    var items = document.querySelectorAll(".gb-case-index__item");
    var selects = form.querySelectorAll("select[data-gb-filter]");
    var count = form.querySelector(".gb-filters__count");
    var none = document.querySelector("[data-gb-none]");
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var ok = true;
        selects.forEach(function (select) {
          var want = select.value;
          var have = (item.getAttribute("data-" + select.getAttribute("data-gb-filter")) || "").split(" ");
          if (want && have.indexOf(want) === -1) { ok = false; }
        });
        item.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = count.getAttribute("data-gb-shown")
        .replace("{shown}", shown).replace("{total}", items.length);
      if (none) { none.hidden = shown !== 0; }
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  // Quick exit: blank the page at once, then replace it (and its history entry) with a
  // neutral site. Button, or Escape pressed twice within a second.
  function setupExit(bar) {
    var target = bar.getAttribute("data-gb-exit");
    var lastEscape = 0;
    function leave() {
      document.title = "";
      document.body.textContent = "";
      window.location.replace(target);
    }
    bar.querySelector("button").addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) { leave(); }
      lastEscape = now;
    });
    bar.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-gb-checklist]").forEach(setupChecklist);
    document.querySelectorAll(".gb-filters").forEach(setupFilters);
    document.querySelectorAll("[data-gb-exit]").forEach(setupExit);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
