/* The leaders' desk narrowed to one unit or an official's portfolio (pages/desk.py).
   The choice lives in the address (?unit=<id> or ?official=<id>), so it can be
   bookmarked and survives a reload.  A scope's blocks come from desk/<id>.json, made by
   the build; record text is set as text, never as markup. */
(function () {
  "use strict";
  var desk = document.querySelector(".desk[data-root]");
  if (!desk) { return; }
  var form = desk.querySelector("form.desk-scope");
  var select = document.getElementById("desk-scope");
  var pageLink = form.querySelector("a.desk-page");
  var status = form.querySelector(".desk-status");
  var root = desk.getAttribute("data-root") || "./";
  var blocks = {};
  Array.prototype.forEach.call(desk.querySelectorAll("section.desk-block"), function (sec) {
    var more = sec.querySelector("a.desk-more");
    blocks[sec.getAttribute("data-block")] = {
      section: sec,
      name: sec.querySelector(".desk-name"),
      count: sec.querySelector(".desk-count"),
      wrap: sec.querySelector(".table-wrap"),
      body: sec.querySelector("tbody"),
      labels: Array.prototype.map.call(sec.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      }),
      classes: Array.prototype.map.call(sec.querySelectorAll("thead th"), function (th) {
        return th.className;
      }),
      empty: sec.querySelector("p.empty"),
      more: more,
      // the whole office's block as the page has it, to go back to without a request
      whole: { name: sec.querySelector(".desk-name").textContent,
               count: sec.querySelector(".desk-count").textContent,
               rows: Array.prototype.slice.call(sec.querySelector("tbody").rows),
               href: more.getAttribute("href"), text: more.textContent, hidden: more.hidden }
    };
  });

  function href(h) {
    // links in a scope's file are written from the home page: made relative to this one
    return /^[a-z]+:|^\//i.test(h) ? null : root + h;
  }
  function cell(c, label, cls) {
    var td = document.createElement("td");
    if (label) { td.setAttribute("data-label", label); }
    if (cls) { td.className = cls; }
    var el;
    if (c.n) {
      el = document.createElement("span"); el.className = "not-published";
    } else if (c.s) {
      el = document.createElement("span"); el.className = "status status--" + c.s;
    } else if (c.h && href(c.h)) {
      el = document.createElement("a"); el.setAttribute("href", href(c.h));
    }
    if (el) { el.textContent = c.t; td.appendChild(el); } else { td.textContent = c.t; }
    return td;
  }
  function show(b, name, count, rows, link, text) {
    b.name.textContent = name;
    b.count.textContent = count;
    while (b.body.firstChild) { b.body.removeChild(b.body.firstChild); }
    rows.forEach(function (tr) { b.body.appendChild(tr); });
    b.wrap.hidden = rows.length === 0;
    b.empty.hidden = rows.length !== 0;
    if (link) { b.more.setAttribute("href", link); b.more.textContent = text; b.more.hidden = false; }
    else { b.more.removeAttribute("href"); b.more.textContent = ""; b.more.hidden = true; }
  }
  function whole() {
    Object.keys(blocks).forEach(function (k) {
      var b = blocks[k], w = b.whole;
      show(b, w.name, w.count, w.rows, w.hidden ? null : w.href, w.text);
    });
    pageLink.hidden = true;
    desk.removeAttribute("data-scope");
  }
  function narrow(data) {
    data.blocks.forEach(function (blk) {
      var b = blocks[blk.key];
      if (!b) { return; }
      var rows = blk.rows.map(function (r) {
        var tr = document.createElement("tr");
        r.forEach(function (c, i) { tr.appendChild(cell(c, b.labels[i], b.classes[i])); });
        return tr;
      });
      var text = blk.more_text ||
        b.section.getAttribute("data-more").replace("{n}", String(blk.count));
      show(b, blk.title, blk.count, rows, blk.more && href(blk.more), text);
    });
    var label = form.getAttribute(data.scope.kind === "unit" ? "data-unit" : "data-official");
    pageLink.textContent = label.replace("{name}", data.scope.t);
    if (data.scope.h && href(data.scope.h)) {
      pageLink.setAttribute("href", href(data.scope.h));
      pageLink.hidden = false;
    }
    desk.setAttribute("data-scope", data.scope.kind + ":" + data.scope.id);
  }
  function chosen() {
    var params = new URLSearchParams(window.location.search);
    var unit = params.get("unit"), official = params.get("official");
    if (unit) { return "unit:" + unit; }
    if (official) { return "official:" + official; }
    return "";
  }
  function remember(value) {
    var params = new URLSearchParams(window.location.search);
    params.delete("unit");
    params.delete("official");
    if (value) {
      var at = value.indexOf(":");
      params.set(value.slice(0, at), value.slice(at + 1));
    }
    var q = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
  }
  var asked = 0;
  function load(value) {
    var mine = ++asked;
    status.textContent = "";
    if (!value) { whole(); return; }
    var id = value.slice(value.indexOf(":") + 1);
    fetch(root + "desk/" + encodeURIComponent(id) + ".json", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (data) {
        if (mine !== asked) { return; }
        if (data.scope.kind + ":" + data.scope.id !== value) { throw new Error("scope"); }
        narrow(data);
      })
      .catch(function () {
        if (mine !== asked) { return; }
        whole();
        select.value = "";
        status.textContent = form.getAttribute("data-failed");
      });
  }
  var start = chosen();
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === start; });
  select.value = known ? start : "";
  select.addEventListener("change", function () { remember(select.value); load(select.value); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  if (known && start) { load(start); } else if (start) {
    status.textContent = form.getAttribute("data-failed");
  }
})();
