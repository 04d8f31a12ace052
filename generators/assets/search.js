/* The search page (site_src/search.md): Pagefind's UI over the site's bundles, merged in
   the browser (pagefind/bundles.json lists them), and document numbers as staff type them.

   A record page carries its number as one word no other page holds (search.number_token
   in generators/search.py): "wh", the code points of the prefix in hex, "y" year, "n"
   sequence, "h" (so that n1 is not the start of n12: Pagefind matches word beginnings).
   Here a number typed in any form (〔〕 [] 【】 () around the year, full-width or not,
   with or without 第 and 号, a zero-padded sequence, or 京政发2021-12) becomes that word, so the
   record comes first; listings and citing records do not hold it. */
(function () {
  "use strict";
  // after NFKC, full-width （）［］｛｝ and digits are ASCII; 〔〕 and 【】 stay as they are
  var NUMBER = /([\u4e00-\u9fff]{1,12})\s*(?:[\[【(〔{]\s*(\d{4})\s*[\]】)〕}]|(\d{4})\s*[-–—]\s*)\s*第?\s*(\d{1,5})\s*号?/g;
  var PROPOSAL = /^第?\s*(\d{1,5})\s*号$/;  // a liaison item: 第0359号 -> 0359

  function token(prefix, year, seq) {
    var hex = Array.from(prefix).map(function (c) { return c.codePointAt(0).toString(16); });
    return "wh" + hex.join("") + "y" + year + "n" + parseInt(seq, 10) + "h";
  }

  // "*": every record, narrowed only by the facets.  Pagefind's UI searches nothing, and
  // shows no facets, for an empty box; its filter-only search would load the whole word
  // index, so "*" is the word every record page holds (search.RECORD_WORD)
  var ALL = "*";
  var RECORD_WORD = "whallh";

  function normalise(term) {
    var text = term.normalize("NFKC").trim();
    if (text === ALL) { return RECORD_WORD; }
    var proposal = PROPOSAL.exec(text);
    if (proposal) { return proposal[1]; }
    return text.replace(NUMBER, function (whole, prefix, year, year2, seq) {
      return parseInt(seq, 10) === 0 ? whole : " " + token(prefix, year || year2, seq) + " ";
    }).trim();
  }
  window.portalSearchTerm = normalise;  // the tests compare it with search.number_token

  // The number's word (and RECORD_WORD) sits, for its weight, in the page's text, so
  // Pagefind's excerpt of a number query is the window around it: it is taken out of every
  // excerpt shown
  // (with its <mark>, if highlighted).  Pagefind indexes no text it would not excerpt, and
  // metadata is not searched, so this is the one place it can go.
  var WORD = /\s*(?:<mark>)?\b(?:wh[0-9a-f]{4,}y\d{4}n\d{1,5}h|whallh)\b(?:<\/mark>)?/g;
  function clean(excerpt) {
    return typeof excerpt === "string" ? excerpt.replace(WORD, "").trim() : excerpt;
  }
  function showable(result) {
    result.excerpt = clean(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = clean(sub.excerpt); });
    return result;
  }

  // Pagefind's ranking scales a page's score down by its length (pageLength 0.75 by
  // default), which put a document's full text under every short record naming the same
  // phrase: 老旧小区 found the 暂行办法 itself eighth, and 供暖 a month's hotline listing above
  // the heating notice.  Titles (weight 10, pages/finding.py) already lead; past them, a
  // page that says the phrase more often comes first, however long it is.
  var RANKING = {pageLength: 0.0};

  // What Pagefind's UI writes that this page says otherwise, changed in place (the UI
  // keeps its own text nodes and sets their data again when it has something new):
  // - a result's tags, "key: value": the ASCII colon and space are a text node of their
  //   own, and a Chinese page writes 类型：公文 (GLOSSARY.md);
  // - the count for "*", "找到 285 个 * 的相关结果": a reader does not type "*", so the page
  //   says how many records there are (search.md's data-every, "共{n}条记录").
  function tidy(holder) {
    var chinese = /^zh/.test(document.documentElement.lang || "");
    var every = holder.getAttribute("data-every");
    new MutationObserver(function () {
      if (chinese) {
        holder.querySelectorAll(".pagefind-ui__result-tag").forEach(function (tag) {
          tag.childNodes.forEach(function (node) {
            if (node.nodeType === 3 && node.data === ": ") { node.data = "："; }
          });
        });
      }
      var message = holder.querySelector(".pagefind-ui__message");
      var text = message && message.firstChild;
      if (every && text && text.nodeType === 3 && /(^|\s)\*(\s|$)/.test(text.data)) {
        var n = /\d+/.exec(text.data);
        if (n) { text.data = every.replace("{n}", n[0]); }
      }
    }).observe(holder, {childList: true, subtree: true, characterData: true});
  }

  function start() {
    var holder = document.getElementById("portal-search");
    if (!holder || typeof PagefindUI === "undefined") { return; }
    tidy(holder);
    // result links must work wherever the portal is served (an edition lives in /2026.11/)
    var base = new URL(".", new URL(JSON.parse(
      document.getElementById("__config").textContent).base + "/", window.location)).pathname;
    // facets named in the address open their group, so that what narrows the results shows
    var named = [];
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      if (name !== "q" && named.indexOf(name) < 0) { named.push(name); }
    });
    fetch(base + "pagefind/bundles.json").then(function (r) { return r.json(); })
      .then(function (bundles) {
        // The facets' files are fetched when a reader asks for the facets (the button
        // of search.md), when the address names one, or when this tab has asked before:
        // assets/portal/pagefind.js stands between the UI and Pagefind to hold them back
        var button = document.getElementById("portal-facets");
        var ui;
        var wanted = false;
        var want;
        window.portalFacets = {
          primary: base + "pagefind/" + bundles[0] + "/pagefind.js",
          wanted: new Promise(function (resolve) { want = resolve; }),
          loaded: function (names) {
            var focused = document.activeElement;
            if (button) { button.hidden = true; }
            // a parameter of the address that names no facet (?from=home) is not one:
            // narrowing by it would find nothing
            Object.keys(selected).forEach(function (key) {
              if (names.indexOf(key.slice(0, key.indexOf(":"))) < 0) { delete selected[key]; }
            });
            window.history.replaceState(null, "", address());
            // the counts beside the facets are the query's: search again, now with them
            window.setTimeout(function () {
              ui.triggerFilters(facets());
              if (button && (focused === document.body || button.contains(focused))) {
                // the button pressed is gone: the keyboard goes on to the facets
                var next = holder.querySelector(".pagefind-ui__filter-name") ||
                  holder.querySelector(".pagefind-ui__search-input");
                if (next) { next.focus(); }
              }
            }, 0);
          }
        };
        var openFacets = function () {
          if (wanted) { return; }
          wanted = true;
          want();
          if (button) { button.querySelector("button").disabled = true; }
          try { window.sessionStorage.setItem("portal-facets", "1"); } catch (e) { /* private */ }
        };
        if (button) {
          button.hidden = false;
          button.querySelector("button").addEventListener("click", openFacets);
        }
        ui = new PagefindUI({
          openFilters: named,
          element: "#portal-search", bundlePath: base + "assets/portal/",
          mergeIndex: bundles.slice(1).map(function (b) {
            return {bundlePath: base + "pagefind/" + b + "/", ranking: RANKING};
          }),
          pagefindOptions: {ranking: RANKING},
          baseUrl: base, showSubResults: true, showImages: false, resetStyles: false,
          showEmptyFilters: false, processTerm: normalise, processResult: showable});
        // The query and the checked facets live in the page's address (?q=…&类型=公文…),
        // so that a search can be bookmarked, sent, and undone with Back: typing replaces
        // the address, a facet checked or unchecked is a step of the history.
        var selected = {};  // "name:value" -> true, as Pagefind's UI keys them
        var read = function () {
          var params = new URLSearchParams(window.location.search);
          selected = {};
          params.forEach(function (value, name) {
            if (name !== "q") { selected[name + ":" + value] = true; }
          });
          return params.get("q");
        };
        var facets = function () {
          var out = {};
          Object.keys(selected).forEach(function (key) {
            var at = key.indexOf(":");
            (out[key.slice(0, at)] = out[key.slice(0, at)] || []).push(key.slice(at + 1));
          });
          return out;
        };
        var address = function () {
          var params = new URLSearchParams();
          var box = holder.querySelector(".pagefind-ui__search-input");
          var text = box ? box.value.trim() : "";
          if (text && text !== ALL) { params.set("q", text); }
          Object.keys(selected).sort().forEach(function (key) {
            var at = key.indexOf(":");
            params.append(key.slice(0, at), key.slice(at + 1));
          });
          var query = params.toString();
          return window.location.pathname + (query ? "?" + query : "");
        };
        holder.addEventListener("input", function (e) {
          if (e.target.classList.contains("pagefind-ui__search-input")) {
            window.history.replaceState(null, "", address());
          }
        });
        // the box's clear button empties it without an input event: back to "*", every
        // record (an empty box shows nothing), and the query out of the address
        holder.addEventListener("click", function (e) {
          if (!e.target.closest || !e.target.closest(".pagefind-ui__search-clear")) { return; }
          window.setTimeout(function () {
            quick(ALL);
            ui.triggerSearch(ALL);
            window.history.replaceState(null, "", address());
          }, 0);
        });
        holder.addEventListener("change", function (e) {
          var box = e.target;
          if (!box.classList.contains("pagefind-ui__filter-checkbox")) { return; }
          if (box.checked) { selected[box.name + ":" + box.value] = true; } else {
            delete selected[box.name + ":" + box.value];
          }
          window.history.pushState(null, "", address());
        });
        window.addEventListener("popstate", function () {
          var text = read() || ALL;
          if (Object.keys(selected).length) { openFacets(); }
          quick(text);
          ui.triggerSearch(text);
          ui.triggerFilters(facets());
        });
        var q = read();
        // Without a query the page opens on "*": the facets show at once, with their
        // counts over the whole archive (Pagefind's UI shows them only beside results).
        // The UI preloads the text as typed while it waits out its debounce, and "*" as
        // typed is no word: Pagefind would preload every chunk of the index.  While the box
        // holds "*" there is no debounce (so no preload): it searches RECORD_WORD at once.
        var quick = function (text) {
          if (ui._pfs) {
            ui._pfs.$$set({debounce_timeout_ms: text.normalize("NFKC").trim() === ALL ? 0 : 300});
          }
        };
        holder.addEventListener("input", function (e) { quick(e.target.value || ""); }, true);
        quick(q || ALL);
        ui.triggerSearch(q || ALL);
        if (Object.keys(selected).length) { ui.triggerFilters(facets()); }
        var asked = false;
        try { asked = window.sessionStorage.getItem("portal-facets") === "1"; } catch (e) { /* private */ }
        if (asked || Object.keys(selected).length) { openFacets(); }
      });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
