// The SPARQL editor (Yasgui, vendored) on this server's endpoint, with the
// stored queries offered as examples.
(function () {
  "use strict";
  const element = document.getElementById("yasgui");
  if (!element || typeof Yasgui === "undefined") return;
  const yasgui = new Yasgui(element, {
    requestConfig: { endpoint: element.dataset.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return []; } },
    persistenceId: null,
  });
  const examples = document.getElementById("examples");
  examples.addEventListener("change", function () {
    const option = examples.selectedOptions[0];
    if (!option || !option.dataset.text) return;
    yasgui.getTab().setQuery(option.dataset.text);
  });
  window.kgYasgui = yasgui;
})();
