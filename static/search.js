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
  new window.PagefindUI({
    element: "#search",
    bundlePath: box.getAttribute("data-bundle"),
    baseUrl: root,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: {
      placeholder: "ابحث في الأرشيف",
      clear_search: "مسح",
      load_more: "المزيد من النتائج",
      search_label: "البحث في الموقع",
      zero_results: "لا نتائج لـ [SEARCH_TERM]",
      many_results: "[COUNT] نتيجة لـ [SEARCH_TERM]",
      one_result: "نتيجة واحدة لـ [SEARCH_TERM]",
      searching: "جار البحث عن [SEARCH_TERM]…"
    }
  });
})();
