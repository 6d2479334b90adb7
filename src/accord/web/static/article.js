/* Article page: switch highlight layers on and off, flash the span a record points to. */
"use strict";
(function () {
  const text = document.getElementById("article-text");
  if (!text) return;
  document.querySelectorAll("#layers input[data-layer]").forEach(box => {
    box.addEventListener("change", () => text.classList.toggle("off-" + box.dataset.layer, !box.checked));
  });
  function flash() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    const sentence = target.closest(".hl-sentence");
    [target, sentence].forEach(el => { if (el) { el.classList.add("flash"); setTimeout(() => el.classList.remove("flash"), 2500); } });
    target.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", flash);
  flash();
})();
