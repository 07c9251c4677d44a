/* Search page only: start Pagefind's UI in Arabic, right to left. Pages work without it. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  if (location.protocol === "file:") {
    document.getElementById("search-offline").hidden = false;
    return;
  }
  if (!window.PagefindUI) return;
  var root = new URL("../", location.href).pathname;
  if (box.getAttribute("data-digits") === "arab") {
    // Result counts in Arabic-Indic digits, as the rest of the site.
    var arab = function (node) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var t = walker.nextNode(); t; t = walker.nextNode()) {
        if (/[0-9]/.test(t.nodeValue)) {
          t.nodeValue = t.nodeValue.replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; });
        }
      }
    };
    new MutationObserver(function () {
      box.querySelectorAll(".pagefind-ui__message").forEach(arab);
    }).observe(box, { childList: true, subtree: true, characterData: true });
  }
  // The index holds, beside each page's text, a normalised and clitic-free shadow of it
  // (search.py). The query gets the same treatment, so "والإنتربول" finds "الإنتربول".
  var DROP = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c]/g;
  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك", "گ": "ك" };
  var processTerm = function (term) {
    return term.replace(DROP, "")
      .replace(/[أإآٱىیةکگ]/g, function (c) { return FOLD[c]; })
      .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x06f0); })
      .split(/\s+/).map(function (word) {
        return word.replace(/^[وف]?[بك]?ال(?=[\u0621-\u064a]{3})/, "").replace(/^[وف]?لل(?=[\u0621-\u064a]{3})/, "");
      }).join(" ");
  };
  // Excerpts come from the page's own text, not from its shadow: the index holds the
  // text, then a mark, then the shadow. The first word whose normalised form contains a
  // query word is marked, with some twenty words around it.
  var lastTerms = [];
  var fold = function (text) {
    return text.replace(DROP, "").replace(/[أإآٱىیةکگ]/g, function (c) { return FOLD[c]; });
  };
  var escape = function (text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  };
  var excerpt = function (content) {
    var words = content.split("\u2042")[0].split(/\s+/).filter(Boolean);
    var hit = -1;
    for (var i = 0; i < words.length && hit < 0; i++) {
      var w = fold(words[i]);
      for (var j = 0; j < lastTerms.length; j++) {
        if (lastTerms[j].length > 1 && w.indexOf(lastTerms[j]) >= 0) { hit = i; break; }
      }
    }
    var from = Math.max(0, hit - 10);
    return words.slice(from, from + 24).map(function (w, k) {
      return from + k === hit ? "<mark>" + escape(w) + "</mark>" : escape(w);
    }).join(" ") + (from + 24 < words.length ? " …" : "");
  };
  new window.PagefindUI({
    processTerm: function (term) {
      var bare = processTerm(term);
      lastTerms = bare.split(" ").filter(Boolean);
      return bare;
    },
    processResult: function (result) {
      if (typeof result.content === "string") result.excerpt = excerpt(result.content);
      return result;
    },
    element: "#search",
    bundlePath: box.getAttribute("data-bundle"),
    baseUrl: root,
    // A large archive is indexed in shards (search.py); they are searched as one.
    mergeIndex: (box.getAttribute("data-merge") || "").split(" ").filter(Boolean).map(function (path) {
      return { bundlePath: path, baseUrl: root };
    }),
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: {
      placeholder: "ابحث في الأرشيف",
      clear_search: "مسح",
      load_more: "المزيد من النتائج",
      search_label: "البحث في الموقع",
      // counted nouns agree with the number in Arabic (3 نتائج, 11 نتيجة): name the count instead
      zero_results: "لا نتائج للبحث عن «[SEARCH_TERM]»",
      many_results: "نتائج البحث عن «[SEARCH_TERM]»: [COUNT]",
      one_result: "نتيجة واحدة للبحث عن «[SEARCH_TERM]»",
      searching: "جار البحث عن [SEARCH_TERM]…"
    }
  });
})();
