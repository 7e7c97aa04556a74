// Entity search as one types: asks /search for JSON and lists the matches.
// Names are put in the page as text nodes, never as HTML.
(function () {
  "use strict";
  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let pending = null;

  function show(entities) {
    list.replaceChildren();
    for (const entity of entities) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "/" + entity.path.split("/").map(encodeURIComponent).join("/");
      link.textContent = entity.label;
      link.className = "entity type-" + entity.type;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = entity.type;
      item.append(link, " ", kind);
      list.append(item);
    }
    list.classList.toggle("open", entities.length > 0);
  }

  input.addEventListener("input", function () {
    const text = input.value.trim();
    if (pending) pending.abort();
    if (!text) { show([]); return; }
    pending = new AbortController();
    const url = input.dataset.endpoint + "?format=json&q=" + encodeURIComponent(text);
    fetch(url, { signal: pending.signal })
      .then(function (r) { return r.json(); })
      .then(function (data) { show(data.entities.filter(function (e) { return e.path; })); })
      .catch(function () { /* a newer keystroke aborted this request */ });
  });
})();
