/* Finders: every facet and sort of a listing applied to every record of its collection.
   The data is one column-oriented file per collection (generators/finders.py), served from
   the site.  The static, paginated table stays for readers without JavaScript; this
   replaces it once the data is here.  State lives in the URL (?status=overdue&sort=deadline)
   so that it survives reload, Back and a bookmark.  Record text is only ever set as text
   (textContent), never as markup. */
(function () {
  "use strict";
  var STEP = 100;  // rows rendered at first and per "more": the DOM stays small at any scale

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fill(template, n) { return String(template).split("{n}").join(String(n)); }

  function Finder(mount, d) {
    var self = this;
    var n = d.n;
    var cols = d.columns;
    var facets = d.facets;
    var data = d.data;
    var root = mount.getAttribute("data-root") || "";
    var collator = new Intl.Collator(document.documentElement.lang || undefined, {numeric: true});
    var sorted = {};  // column key -> row indices in ascending order, empty values last
    var shown = STEP;
    var selects = {};
    var state = {f: {}, sort: "", dir: "asc"};

    function sortedBy(key) {
      if (sorted[key]) { return sorted[key]; }
      var col = cols.filter(function (c) { return c.key === key; })[0];
      var values = data[key];
      var idx = [];
      var empty = [];
      for (var i = 0; i < n; i++) {
        var v = values[i];
        if (v === null || v === undefined || v === "") { empty.push(i); } else { idx.push(i); }
      }
      // ISO dates and numbers compare as they are; titles and numbers as the language does
      var compare = col.kind === "link" || col.kind === "text" || col.kind === "lines"
        ? function (x, y) { return collator.compare(String(x), String(y)); }
        : col.kind === "date" ? function (x, y) { return x < y ? -1 : x > y ? 1 : 0; }
        : function (x, y) { return x - y; };
      idx.sort(function (a, b) { return compare(values[a], values[b]) || a - b; });
      sorted[key] = {values: idx, empty: empty};
      return sorted[key];
    }

    // -- the controls ------------------------------------------------------------------
    var tools = el("div", "table-tools finder-tools");
    facets.forEach(function (f) {
      var label = el("label");
      label.appendChild(el("span", null, f.label));
      var sel = el("select");
      sel.name = f.key;
      sel.addEventListener("change", function () { state.f[f.key] = sel.value; changed(); });
      label.appendChild(sel);
      tools.appendChild(label);
      selects[f.key] = sel;
    });
    var reset = el("button", "finder-reset md-button", d.labels.finder_reset);
    reset.type = "button";
    reset.addEventListener("click", function () { state.f = {}; changed(); });
    tools.appendChild(reset);
    var count = el("p", "count");
    count.setAttribute("aria-live", "polite");
    var note = el("p", "more", d.labels.finder_note);
    var wrap = el("div", "table-wrap");
    var table = el("table", "data sortable finder-table");
    table.id = mount.id + "-table";
    // a listing with filters: portal.css gives it the table of contents' room
    table.setAttribute("data-filters", "");
    var thead = el("thead");
    var hrow = el("tr");
    var ths = {};
    cols.forEach(function (c) {
      var th = el("th", c["class"] || null, c.label);
      th.scope = "col";
      th.tabIndex = 0;
      function go() {
        if (state.sort === c.key) { state.dir = state.dir === "asc" ? "desc" : "asc"; }
        else { state.sort = c.key; state.dir = "asc"; }
        changed();
      }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); }
      });
      hrow.appendChild(th);
      ths[c.key] = th;
    });
    thead.appendChild(hrow);
    table.appendChild(thead);
    var tbody = el("tbody");
    table.appendChild(tbody);
    wrap.appendChild(table);
    var more = el("button", "finder-more md-button");
    more.type = "button";
    more.addEventListener("click", function () { shown += STEP; render(false); });
    var empty = el("p", "empty", d.labels.none);
    mount.appendChild(tools);
    mount.appendChild(count);
    mount.appendChild(note);
    mount.appendChild(wrap);
    mount.appendChild(empty);
    mount.appendChild(more);

    // -- the state in the URL -------------------------------------------------------------
    function codeIndex(f, code) {
      var entries = d.dicts[f.dict];
      for (var i = 0; i < entries.length; i++) { if (entries[i][0] === code) { return i; } }
      return -1;
    }
    function read() {
      var p = new URLSearchParams(window.location.search);
      state.f = {};
      facets.forEach(function (f) {
        var v = p.get(f.key);
        if (v !== null && codeIndex(f, v) >= 0) { state.f[f.key] = v; }
      });
      var s = p.get("sort") || "";
      var desc = s.charAt(0) === "-";
      s = desc ? s.slice(1) : s;
      state.sort = cols.some(function (c) { return c.key === s; }) ? s : "";
      state.dir = desc ? "desc" : "asc";
    }
    function write() {
      var p = new URLSearchParams(window.location.search);
      facets.forEach(function (f) {
        if (state.f[f.key]) { p.set(f.key, state.f[f.key]); } else { p.delete(f.key); }
      });
      if (state.sort) { p.set("sort", (state.dir === "desc" ? "-" : "") + state.sort); }
      else { p.delete("sort"); }
      var q = p.toString();
      var url = window.location.pathname + (q ? "?" + q : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        history.pushState({finder: mount.id}, "", url);  // Back returns to the last state
      }
    }
    function changed() { shown = STEP; write(); render(true); }
    window.addEventListener("popstate", function () { read(); shown = STEP; render(true); });

    // -- filtering, counting, rendering -----------------------------------------------------
    var match = new Uint8Array(n);
    function has(value, i) {
      if (value === null || value === undefined) { return false; }
      return typeof value === "number" ? value === i : value.indexOf(i) >= 0;
    }
    function apply() {
      var want = facets.map(function (f) {
        return state.f[f.key] ? codeIndex(f, state.f[f.key]) : -1;
      });
      var tallies = facets.map(function (f) { return new Array(d.dicts[f.dict].length).fill(0); });
      var total = 0;
      var F = facets.length;
      var columns = facets.map(function (f) { return data[f.data]; });
      for (var r = 0; r < n; r++) {
        var failed = -1;
        var fails = 0;
        for (var k = 0; k < F; k++) {
          if (want[k] >= 0 && !has(columns[k][r], want[k])) { fails++; failed = k; }
        }
        match[r] = fails === 0 ? 1 : 0;
        if (fails === 0) { total++; }
        if (fails > 1) { continue; }
        // an option's count: the rows it would give with the other facets as they are
        for (var j = 0; j < F; j++) {
          if (fails === 1 && j !== failed) { continue; }
          var v = columns[j][r];
          if (v === null || v === undefined) { continue; }
          if (typeof v === "number") { tallies[j][v]++; }
          else { for (var m = 0; m < v.length; m++) { tallies[j][v[m]]++; } }
        }
      }
      facets.forEach(function (f, k) {
        var sel = selects[f.key];
        var options = [el("option", null, d.labels.all)];
        options[0].value = "";
        d.dicts[f.dict].forEach(function (entry, i) {
          if (!tallies[k][i] && i !== want[k]) { return; }
          var o = el("option", null, entry[1] + " (" + tallies[k][i] + ")");
          o.value = entry[0];
          options.push(o);
        });
        sel.replaceChildren.apply(sel, options);
        sel.value = state.f[f.key] || "";
      });
      return total;
    }
    var order = [];
    function ordered() {
      var out = [];
      var r;
      if (!state.sort) {
        for (r = 0; r < n; r++) { if (match[r]) { out.push(r); } }
        return out;
      }
      var s = sortedBy(state.sort);
      var v = s.values;
      if (state.dir === "asc") {
        for (r = 0; r < v.length; r++) { if (match[v[r]]) { out.push(v[r]); } }
      } else {
        for (r = v.length - 1; r >= 0; r--) { if (match[v[r]]) { out.push(v[r]); } }
      }
      for (r = 0; r < s.empty.length; r++) { if (match[s.empty[r]]) { out.push(s.empty[r]); } }
      return out;
    }
    function cell(c, r) {
      var td = el("td", c["class"] || null);
      td.setAttribute("data-label", c.label);
      var v = data[c.key][r];
      if (v === null || v === undefined || v === "") { return td; }
      if (c.kind === "link") {
        var a = el("a", null, v);
        a.href = root + data.href[r];
        td.appendChild(a);
      } else if (c.kind === "value") {
        td.textContent = d.dicts[c.dict][v][1];
      } else if (c.kind === "badge") {
        var entry = d.dicts[c.dict][v];
        td.appendChild(el("span", "status status--" + entry[0], entry[1]));
      } else if (c.kind === "progress") {
        var p = Math.max(0, Math.min(100, v));
        var bar = el("span", "progress");
        bar.setAttribute("role", "progressbar");
        bar.setAttribute("aria-valuenow", String(p));
        bar.setAttribute("aria-valuemin", "0");
        bar.setAttribute("aria-valuemax", "100");
        bar.setAttribute("aria-label", d.labels.progress + " " + p + "%");
        var inner = el("span");
        inner.style.width = p + "%";
        bar.appendChild(inner);
        td.appendChild(bar);
        td.appendChild(document.createTextNode(" " + p + "%"));
      } else if (c.kind === "lines") {
        // each part on its line, never broken inside ("审核 2021-10-26")
        v.forEach(function (part, i) {
          if (i) { td.appendChild(el("br")); }
          td.appendChild(el("span", "nw", part));
        });
      } else {
        td.textContent = v;
      }
      return td;
    }
    function render(again) {
      if (again) {
        var total = apply();
        order = ordered();
        count.textContent = fill(d.labels.record_count, total);
        cols.forEach(function (c) {
          if (c.key === state.sort) {
            ths[c.key].setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
          } else { ths[c.key].removeAttribute("aria-sort"); }
        });
      }
      // the rows are made outside the page and put in with one change (removing rows one
      // by one had the page's :has() rules matched again for each)
      var body = again ? el("tbody") : tbody;
      var frag = document.createDocumentFragment();
      for (var i = again ? 0 : tbody.rows.length; i < Math.min(shown, order.length); i++) {
        var r = order[i];
        var tr = el("tr");
        cols.forEach(function (c) { tr.appendChild(cell(c, r)); });
        frag.appendChild(tr);
      }
      body.appendChild(frag);
      if (again) { table.replaceChild(body, tbody); tbody = body; }
      var left = order.length - tbody.rows.length;
      more.hidden = left <= 0;
      more.textContent = fill(d.labels.finder_more, Math.min(STEP, left));
      empty.hidden = order.length > 0;
      wrap.hidden = order.length === 0;
      reset.disabled = !facets.some(function (f) { return state.f[f.key]; });
    }
    read();
    render(true);
    self.render = render;
  }

  function start(mount) {
    var src = mount.getAttribute("data-finder");
    fetch(src, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(r.status + " " + src); }
      return r.json();
    }).then(function (d) {
      if (d.format !== 1) { return; }  // another build's data: the static table stays
      new Finder(mount, d);
      // the finder stands in for the static table, its count, its pages and their filters
      var sibling = mount.nextElementSibling;
      while (sibling && !sibling.classList.contains("finder-static")) { sibling = sibling.nextElementSibling; }
      if (sibling) { sibling.parentNode.removeChild(sibling); }
      mount.hidden = false;
      mount.setAttribute("data-ready", "1");
    }).catch(function () { /* the static table stays */ });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll(".finder[data-finder]"), start); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
