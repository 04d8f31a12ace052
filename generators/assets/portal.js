/* Sorting and filtering of portal tables: no library, no CDN.
   State lives in the URL (?table.sort=...&table.f2=...) so that it survives the back
   button and can be bookmarked. */
(function () {
  "use strict";
  function cellKey(td) {
    var k = td.getAttribute("data-sort");
    if (k === null) { k = td.textContent.trim(); }
    var n = parseFloat(k);
    return (k !== "" && !isNaN(n) && /^-?[\d.]+%?$/.test(k)) ? n : k.toLowerCase();
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), undefined, {numeric: true});
  }
  function state() { return new URLSearchParams(window.location.search); }
  function save(params) {
    var q = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
  }
  function setup(table, index) {
    var id = table.id || ("t" + index);
    var body = table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    var filters = (table.getAttribute("data-filters") || "").split(",").filter(Boolean).map(Number);
    // on a phone a row is a card: each cell says which column it is (portal.css)
    var names = Array.prototype.map.call(headers, function (th) { return th.textContent.trim(); });
    rows.forEach(function (tr) {
      Array.prototype.forEach.call(tr.cells, function (td, i) {
        if (names[i]) { td.setAttribute("data-label", names[i]); }
      });
    });
    var counter = document.querySelector('p.count[data-table="' + id + '"]');
    var counterText = counter ? counter.textContent : "";
    var tools = null;
    var selects = {};
    var search = null;
    // ?<table>.in=<id>,<id>: only the rows concerning one of these units or officials
    // (each row's data-scope), as the desk links to an official's portfolio
    var within = table.hasAttribute("data-in-note")
      ? (state().get(id + ".in") || "").split(",").filter(Boolean) : [];
    function apply() {
      var params = state();
      var text = search ? search.value.trim().toLowerCase() : "";
      rows.forEach(function (tr) {
        var ok = true;
        filters.forEach(function (col) {
          var v = selects[col].value;
          if (v && tr.cells[col].textContent.trim() !== v) { ok = false; }
        });
        if (ok && text && tr.textContent.toLowerCase().indexOf(text) < 0) { ok = false; }
        if (ok && within.length) {
          ok = (tr.getAttribute("data-scope") || "").split(" ").some(function (s) {
            return within.indexOf(s) >= 0;
          });
        }
        tr.hidden = !ok;
      });
      if (counter) {  // the listing's "N records" follows the filters
        var filtered = text || within.length || filters.some(function (col) { return selects[col].value; });
        counter.textContent = filtered
          ? counter.getAttribute("data-count").replace("{n}", String(rows.filter(function (tr) { return !tr.hidden; }).length))
          : counterText;
      }
      filters.forEach(function (col) {
        if (selects[col].value) { params.set(id + ".f" + col, selects[col].value); }
        else { params.delete(id + ".f" + col); }
      });
      if (search) { if (text) { params.set(id + ".q", search.value); } else { params.delete(id + ".q"); } }
      save(params);
    }
    if (filters.length || table.hasAttribute("data-search") || within.length) {
      tools = document.createElement("div");
      tools.className = "table-tools";
      table.parentNode.parentNode.insertBefore(tools, table.parentNode);
      if (within.length) {
        var note = document.createElement("p");
        note.className = "table-scope";
        // the official's name comes from the desk's link, and is set as text
        var by = state().get(id + ".by");
        note.textContent = (by ? table.getAttribute("data-in-by").replace("{name}", by)
                            : table.getAttribute("data-in-note")) + " ";
        var all = document.createElement("button");
        all.type = "button";
        all.textContent = table.getAttribute("data-in-all");
        all.addEventListener("click", function () {
          within = [];
          var p = state(); p.delete(id + ".in"); p.delete(id + ".by"); save(p);
          note.parentNode.removeChild(note);
          apply();
        });
        note.appendChild(all);
        tools.appendChild(note);
      }
      filters.forEach(function (col) {
        var label = document.createElement("label");
        label.textContent = headers[col] ? headers[col].textContent : "";
        var sel = document.createElement("select");
        sel.setAttribute("data-col", col);
        var all = document.createElement("option");
        all.value = ""; all.textContent = document.documentElement.lang === "zh" ? "全部" : "All";
        sel.appendChild(all);
        var seen = {};
        rows.map(function (tr) { return tr.cells[col] ? tr.cells[col].textContent.trim() : ""; })
          .filter(function (v) { return v && !seen[v] && (seen[v] = true); })
          .sort(compare).forEach(function (v) {
            var o = document.createElement("option"); o.value = v; o.textContent = v; sel.appendChild(o);
          });
        sel.addEventListener("change", apply);
        label.appendChild(sel);
        tools.appendChild(label);
        selects[col] = sel;
      });
      if (table.hasAttribute("data-search")) {
        var l = document.createElement("label");
        l.textContent = document.documentElement.lang === "zh" ? "筛选" : "Filter";
        search = document.createElement("input");
        search.type = "search";
        search.addEventListener("input", apply);
        l.appendChild(search);
        tools.appendChild(l);
      }
    }
    function sortBy(col, dir, remember) {
      var sorted = rows.slice().sort(function (a, b) {
        var r = compare(cellKey(a.cells[col]), cellKey(b.cells[col]));
        return dir === "descending" ? -r : r;
      });
      sorted.forEach(function (tr) { body.appendChild(tr); });
      Array.prototype.forEach.call(headers, function (th, i) {
        if (i === col) { th.setAttribute("aria-sort", dir); } else { th.removeAttribute("aria-sort"); }
      });
      if (remember) {
        var params = state();
        params.set(id + ".sort", col + (dir === "descending" ? "-" : "+"));
        save(params);
      }
    }
    if (table.classList.contains("sortable")) {
      Array.prototype.forEach.call(headers, function (th, col) {
        th.tabIndex = 0;
        function go() {
          sortBy(col, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending", true);
        }
        th.addEventListener("click", go);
        th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      });
    }
    var params = state();
    var s = params.get(id + ".sort");
    if (s && /^\d+[+-]$/.test(s)) { sortBy(parseInt(s, 10), s.slice(-1) === "-" ? "descending" : "ascending", false); }
    filters.forEach(function (col) { var v = params.get(id + ".f" + col); if (v) { selects[col].value = v; } });
    if (search && params.get(id + ".q")) { search.value = params.get(id + ".q"); }
    if (tools) { apply(); }
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.data"), setup);
    // a search box in the header that opens the Pagefind search page with the query
    var header = document.querySelector(".md-header__inner");
    var cfg = document.getElementById("__config");
    if (header && cfg && !document.querySelector("form.portal-search")) {
      var base = JSON.parse(cfg.textContent).base || ".";
      var label = document.documentElement.lang === "zh" ? "搜索" : "Search";
      var form = document.createElement("form");
      form.className = "portal-search";
      form.setAttribute("role", "search");
      form.action = base + "/search/";
      var input = document.createElement("input");
      input.type = "search";
      input.name = "q";
      input.placeholder = label;
      input.setAttribute("aria-label", label);
      form.appendChild(input);
      header.appendChild(form);
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
