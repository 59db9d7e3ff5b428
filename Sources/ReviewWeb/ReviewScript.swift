/// The review page's small script (served as /static/review.js; the CSP allows scripts from the site only).
///
/// Keyboard first: the first flagged field has the focus when the page opens; Tab / Shift+Tab move between
/// fields (the Save buttons are skipped); Enter saves the field, and the page comes back with the next flagged
/// field focused; Ctrl+Enter accepts the document; Alt+R goes to the reject reason; `?` (or F1) shows the keys;
/// `+` / `-` (or the buttons) zoom the page image.
/// Focusing a field outlines its box on the page image.
enum ReviewScript {
    static let source = #"""
        (function () {
          "use strict";
          function box(name) { return document.querySelector('.box[data-field="' + name + '"]'); }
          var inputs = Array.prototype.slice.call(document.querySelectorAll("input.field"));
          inputs.forEach(function (input) {
            input.addEventListener("focus", function () {
              var b = box(input.dataset.field); if (b) { b.classList.add("focus"); }
            });
            input.addEventListener("blur", function () {
              var b = box(input.dataset.field); if (b) { b.classList.remove("focus"); }
            });
          });
          var first = document.querySelector("tr.flagged input.field") || inputs[0];
          if (first) { first.focus(); first.select(); }
          var help = document.getElementById("shortcuts");
          var page = document.getElementById("page");
          var scale = 1;
          function zoom(factor) {
            if (!page) { return; }
            scale = Math.min(3, Math.max(0.5, scale * factor));
            page.style.maxWidth = (55 * scale) + "%";
          }
          var zoomIn = document.getElementById("zoom-in"), zoomOut = document.getElementById("zoom-out");
          if (zoomIn) { zoomIn.addEventListener("click", function () { zoom(1.25); }); }
          if (zoomOut) { zoomOut.addEventListener("click", function () { zoom(0.8); }); }
          document.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              var accept = document.getElementById("accept");
              if (accept) { event.preventDefault(); accept.form.submit(); }
            } else if (event.altKey && (event.key === "r" || event.key === "R")) {
              var reason = document.getElementById("reject-reason");
              if (reason) { event.preventDefault(); reason.focus(); }
            } else if ((event.key === "?" && event.target.tagName !== "INPUT") || event.key === "F1") {
              if (help) { event.preventDefault(); help.hidden = !help.hidden; }
            } else if ((event.key === "+" || event.key === "-") && event.target.tagName !== "INPUT") {
              zoom(event.key === "+" ? 1.25 : 0.8);
            } else if (event.key === "Escape" && help) {
              help.hidden = true;
            }
          });
        })();
        """#
}
