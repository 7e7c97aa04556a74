// Selecting a fact highlights its evidence: the text segments between the
// fact's kg:start and kg:end offsets.
(function () {
  "use strict";
  const segments = Array.from(document.querySelectorAll("#text .seg"));
  const facts = Array.from(document.querySelectorAll("#article-facts li.fact"));

  function select(fact) {
    const start = Number(fact.dataset.start);
    const end = Number(fact.dataset.end);
    for (const other of facts) {
      const on = other === fact;
      other.classList.toggle("selected", on);
      other.querySelector("button").setAttribute("aria-pressed", String(on));
    }
    let first = null;
    for (const seg of segments) {
      const inside = Number(seg.dataset.start) >= start && Number(seg.dataset.end) <= end;
      seg.classList.toggle("evidence", inside);
      if (inside && !first) first = seg;
    }
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  for (const fact of facts) {
    fact.querySelector("button").addEventListener("click", function () { select(fact); });
  }
})();
