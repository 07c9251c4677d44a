/* The search page's script: our own static index (src/interpol_site/search.py).
   The index is a set of small scripts under search/index/, each handing its data to
   searchIndexPart(name, data); they are loaded with <script> elements, which work from
   file:// as over HTTP. Every string from the index or a page is inserted as text.
   Without this script the page lists the indexes instead. */
(function () {
  "use strict";

  // ---- words: the twin of search.query_terms (tests/test_search.py runs both on a
  // list of words). arabic.norm: NFC; marks, tatweel and invisibles dropped; letters
  // and digits folded; then lower case, words of letters and digits, and a query word
  // loses its proclitics and article before at least three letters.
  var DROP = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c]/g;
  var FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز"
  };
  var FOLDED = /[أإآٱٲٳىیېةکڪگڤپچژ]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  var CLITICS = /^(?:[وف]?[بك]?ال|[وف]?لل)(?=[\p{L}\p{N}]{3})/u;
  // while a word is typed: the article before two letters may be one too (النر → نر…)
  var CLITICS_TYPED = /^(?:[وف]?[بك]?ال|[وف]?لل)(?=[\p{L}\p{N}]{2}$)/u;

  function norm(text) {
    return text.normalize("NFC").replace(DROP, "")
      .replace(FOLDED, function (c) { return FOLD[c]; })
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .toLowerCase();
  }

  function words(text) {
    return norm(text).match(WORD) || [];
  }

  function queryTerms(text) {
    return words(text).map(function (w) { return w.replace(CLITICS, ""); });
  }

  /* What a query looks up: one list of alternatives per word, all of which must match
     (AND). The last word also matches as a prefix while it is typed (no space after). */
  function parseQuery(text) {
    var ws = words(text);
    var typing = !/\s$/.test(text);
    return ws.map(function (w, i) {
      var bare = w.replace(CLITICS, "");
      var alts = [{ term: bare, prefix: false }];
      if (i === ws.length - 1 && typing) {
        alts = [{ term: bare, prefix: bare.length > 1 }];
        var typed = w.replace(CLITICS_TYPED, "");
        if (typed !== w) alts.push({ term: typed, prefix: true });
      }
      return alts;
    });
  }

  /* Whether a word of a page is one the query asked for (for <mark> only; matching is
     the index's): the word, or the word without و/ف and ب/ك/ل, without its article. */
  function marks(word, query) {
    var forms = words(word);
    for (var f = 0; f < forms.length; f++) {
      var w = forms[f];
      var cands = [w, w.replace(/^[وف]/, ""), w.replace(/^[وف]?[بكل]/, ""), w.replace(/^[وف]?لل/, "ال")];
      for (var c = 0; c < cands.length; c++) {
        var bare = cands[c].replace(CLITICS, "");
        for (var i = 0; i < query.length; i++) {
          for (var j = 0; j < query[i].length; j++) {
            var alt = query[i][j];
            if (alt.term.length && (alt.prefix ? bare.indexOf(alt.term) === 0 || cands[c].indexOf(alt.term) === 0
                                               : bare === alt.term || cands[c] === alt.term)) return true;
          }
        }
      }
    }
    return false;
  }

  // A term's documents: ``width`` base64url digits per number (search.encode_docs).
  var DIGIT = new Int8Array(128).fill(-1);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) {
    DIGIT[c.charCodeAt(0)] = i;
  });

  function decodeDocs(text, width, n, into, bit) {
    for (var k = 0; k + width <= text.length; k += width) {
      var d = 0;
      for (var j = 0; j < width; j++) d = d * 64 + DIGIT[text.charCodeAt(k + j) & 127];
      if (d >= 0 && d < n) into[d] |= bit;
    }
  }

  /* Best first: entity pages whose names hold every word (those named in most articles
     first: their order in the index), articles whose titles do, then the other entity
     pages (found by what is said of them: a role, a session's city), then the other
     articles; articles newest first (undated last); then by block and number, so the
     order is total. */
  function tier(r) {
    return r.entity ? (r.title ? 0 : 2) : (r.title ? 1 : 3);
  }

  function compareResults(x, y) {
    return (tier(x) - tier(y)) || (x.entity ? 0 : y.day - x.day) || (x.i - y.i) || (x.d - y.d);
  }

  var api = { norm: norm, words: words, queryTerms: queryTerms, parseQuery: parseQuery, marks: marks,
              decodeDocs: decodeDocs, compareResults: compareResults };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  // ---- the page
  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-input");
  var clear = form.querySelector(".search-clear");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = form.querySelector(".search-more");
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var arab = form.getAttribute("data-digits") === "arab";
  var months = form.getAttribute("data-months").split("|");
  var blockNames = form.getAttribute("data-blocks").split(" ").filter(Boolean);
  var PAGE = 10;
  var KINDS = { countries: "دولة", people: "شخص", venues: "مدينة", sessions: "دورة" };
  var overHttp = location.protocol === "http:" || location.protocol === "https:";

  function digits(text) {
    text = String(text);
    return arab ? text.replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }) : text;
  }

  function formatDate(iso) {
    var p = iso.split("-");
    return digits(Number(p[2]) + " " + months[Number(p[1]) - 1] + " " + p[0]);
  }

  // ---- loading index files
  var waiting = {};
  var loaded = {};
  window.searchIndexPart = function (name, data) {
    var w = waiting[name];
    if (w) { delete waiting[name]; w.resolve(data); }
  };

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        waiting[name] = { resolve: resolve };
        var script = document.createElement("script");
        script.src = base + name + ".js";
        script.async = true;
        var fail = function () {
          script.remove();
          if (waiting[name]) { delete waiting[name]; delete loaded[name]; reject(new Error(name)); }
        };
        script.addEventListener("error", fail);
        script.addEventListener("load", fail);  // loaded, but it did not call back: fails too
        document.head.appendChild(script);
      });
    }
    return loaded[name];
  }

  var blocks = null;
  function loadBlocks() {
    if (!blocks) {
      blocks = Promise.all(blockNames.map(function (name) {
        return load(name + "/meta").then(function (meta) {
          var days = meta.days ? meta.days.split(",").map(Number) : [];
          return { name: name, n: meta.n, width: meta.width, firsts: meta.terms, per: meta.per, days: days,
                   terms: {}, parts: {} };
        });
      }));
      blocks.catch(function () { blocks = null; });
    }
    return blocks;
  }

  // the terms files of a block that may hold ``alt``
  function termFiles(block, alt) {
    var f = block.firsts, lo = 0, hi = f.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (f[mid] <= alt.term) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    var out = [Math.max(at, 0)];
    if (alt.prefix) {
      for (var k = out[0] + 1; k < f.length && f[k].indexOf(alt.term) === 0; k++) out.push(k);
    }
    return f.length ? out : [];
  }

  function loadTerms(block, k) {
    if (!block.terms[k]) {
      block.terms[k] = load(block.name + "/t" + k).then(function (rows) {
        var map = new Map();
        rows.forEach(function (row) { map.set(row[0], row); });
        block.parts[k] = { rows: rows, map: map };
      });
      block.terms[k].catch(function () { delete block.terms[k]; });
    }
    return block.terms[k];
  }

  /* The documents of one block that match every word of the query: bit 1 = it matches,
     bit 2 = every word is in its title. */
  function matchBlock(block, query) {
    var files = query.map(function (alts) {
      return alts.map(function (alt) { return termFiles(block, alt); });
    });
    var all = [].concat.apply([], [].concat.apply([], files));
    return Promise.all(all.map(function (k) { return loadTerms(block, k); })).then(function () {
      var n = block.n, result = null;
      query.forEach(function (alts, i) {
        var flags = new Uint8Array(n);
        alts.forEach(function (alt, j) {
          files[i][j].forEach(function (k) {
            var part = block.parts[k];
            var rows = alt.prefix ? part.rows.filter(function (r) { return r[0].indexOf(alt.term) === 0; })
                                  : (part.map.has(alt.term) ? [part.map.get(alt.term)] : []);
            rows.forEach(function (row) {
              decodeDocs(row[1], block.width, n, flags, 1);
              if (row[2]) decodeDocs(row[2], block.width, n, flags, 2);
            });
          });
        });
        if (result === null) result = flags;
        else for (var d = 0; d < n; d++) result[d] &= flags[d];
      });
      return result || new Uint8Array(n);
    });
  }

  /* Every match, best first: entity pages (those named in most articles first), then
     articles with every word in their title, then the others; newest first in each. */
  function search(query) {
    return loadBlocks().then(function (bs) {
      return Promise.all(bs.map(function (b) { return matchBlock(b, query); })).then(function (flags) {
        var found = [];
        bs.forEach(function (b, i) {
          var f = flags[i];
          for (var d = 0; d < b.n; d++) {
            if (f[d] & 1) {
              found.push({ block: b, i: i, d: d, entity: b.name === "e", title: (f[d] & 2) !== 0,
                           day: b.days.length ? b.days[d] : -1 });
            }
          }
        });
        found.sort(compareResults);
        return found;
      });
    });
  }

  function loadDocs(results) {
    return Promise.all(results.map(function (r) {
      var k = Math.floor(r.d / r.block.per);
      return load(r.block.name + "/d" + k).then(function (docs) { r.doc = docs[r.d - k * r.block.per]; });
    }));
  }

  // ---- showing results
  function excerptInto(node, text, query, around) {
    var ws = text.split(/\s+/).filter(Boolean);
    var hit = -1;
    for (var i = 0; i < ws.length && hit < 0; i++) if (marks(ws[i], query)) hit = i;
    var from = 0, to = ws.length;
    if (around) {
      if (hit < 0) return false;
      from = Math.max(0, hit - 10);
      to = Math.min(ws.length, from + 30);
    }
    node.textContent = "";
    if (from > 0) node.appendChild(document.createTextNode("… "));
    for (var k = from; k < to; k++) {
      var w = (k > from ? " " : "") + ws[k];
      // mark the letters of a word the query asked for, not the punctuation around them
      var core = marks(ws[k], query) ? /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(w) : null;
      if (core) {
        var m = document.createElement("mark");
        m.textContent = core[0];
        node.appendChild(document.createTextNode(w.slice(0, core.index)));
        node.appendChild(m);
        node.appendChild(document.createTextNode(w.slice(core.index + core[0].length)));
      } else {
        node.appendChild(document.createTextNode(w));
      }
    }
    if (around && to < ws.length) node.appendChild(document.createTextNode(" …"));
    return true;
  }

  // Over HTTP the page of each result shown is fetched, and the excerpt cut around the
  // first word the query asked for; from file:// (no fetch) the lead stays.
  function pageExcerpt(href, node, query) {
    return fetch(href).then(function (response) {
      if (!response.ok) return;
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var body = page.querySelector("article .body") || page.querySelector("main");
        if (body && current.query === query) excerptInto(node, body.textContent, query, true);
      });
    }).catch(function () {});
  }

  function item(r, query) {
    var doc = r.doc, li = document.createElement("li");
    li.className = "result";
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = root + doc[0];
    a.textContent = doc[1];
    a.dir = "auto";
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    if (r.entity) {
      meta.textContent = KINDS[doc[0].split("/")[0]] || "";
    } else if (doc[2]) {
      var t = document.createElement("time");
      t.dateTime = doc[2];
      t.textContent = formatDate(doc[2]);
      meta.appendChild(t);
    }
    if (meta.firstChild) li.appendChild(meta);
    if (doc[3]) {
      var p = document.createElement("p");
      p.className = "excerpt";
      excerptInto(p, doc[3], query, false);
      li.appendChild(p);
    }
    return li;
  }

  function message(count, shown) {
    var q = "«" + shown + "»";
    if (count === 0) return "لا نتائج للبحث عن " + q;
    if (count === 1) return "نتيجة واحدة للبحث عن " + q;
    // the count after a colon, so the noun never has to agree with it
    return "نتائج البحث عن " + q + ": " + digits(count);
  }

  var current = { query: null, results: [], shown: 0 };
  var serial = 0;

  function showMore(focus) {
    var batch = current.results.slice(current.shown, current.shown + PAGE);
    var query = current.query, mine = serial;
    list.setAttribute("aria-busy", "true");
    return loadDocs(batch).then(function () {
      if (mine !== serial) return;
      var first = null, fetches = [];
      batch.forEach(function (r) {
        var li = item(r, query);
        list.appendChild(li);
        first = first || li.querySelector("a");
        var ex = li.querySelector(".excerpt");
        if (overHttp && !r.entity) {
          if (!ex) { ex = document.createElement("p"); ex.className = "excerpt"; li.appendChild(ex); }
          fetches.push(pageExcerpt(li.querySelector("a").href, ex, query));
        }
      });
      current.shown += batch.length;
      more.hidden = current.shown >= current.results.length;
      if (focus && first) first.focus();
      return Promise.all(fetches).then(function () {
        if (mine === serial) list.setAttribute("aria-busy", "false");
      });
    });
  }

  // The query in the address, so a search can be linked to and comes back with "Back".
  function remember(text) {
    var url = new URL(location.href);
    if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
    try { history.replaceState(null, "", url.href); } catch (e) { /* file:// may refuse: no matter */ }
  }

  function run() {
    var text = input.value;
    var query = parseQuery(text);
    var mine = ++serial;
    clear.hidden = text === "";
    remember(text.trim());
    if (!query.length) {
      current = { query: null, results: [], shown: 0 };
      list.textContent = "";
      list.setAttribute("aria-busy", "false");
      status.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    var shown = text.trim();
    status.textContent = "جار البحث عن «" + shown + "»…";
    list.setAttribute("aria-busy", "true");
    return search(query).then(function (results) {
      if (mine !== serial) return;
      current = { query: query, results: results, shown: 0 };
      list.textContent = "";
      status.textContent = message(results.length, shown);
      more.hidden = true;
      return showMore(false);
    }).catch(function () {
      if (mine !== serial) return;
      status.textContent = "تعذر تحميل فهرس البحث؛ أعد تحميل الصفحة.";
      list.setAttribute("aria-busy", "false");
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  clear.addEventListener("click", function () {
    input.value = "";
    run();
    input.focus();
  });
  more.addEventListener("click", function () { showMore(true); });

  form.hidden = false;
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    run();
  } else {
    loadBlocks().catch(function () {});
  }
})();
