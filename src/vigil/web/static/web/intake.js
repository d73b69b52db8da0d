// Intake: send the chosen files one at a time, so the page can say how far it has got.
// Without this script the form still works: it sends every file at once.
(function () {
  "use strict";
  var form = document.getElementById("intake-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var words = {};
  var template = document.getElementById("messages-template");
  if (template) {
    template.content.querySelectorAll("[data-key]").forEach(function (node) { words[node.dataset.key] = node.textContent; });
  }
  var progress = document.getElementById("progress");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var results = document.getElementById("results");

  function show(result) {
    var item = document.createElement("li");
    if (result.error) {
      item.className = "error";
      var strong = document.createElement("strong");
      strong.textContent = (words.failed || "Not read") + ": ";
      item.appendChild(strong);
      item.appendChild(document.createTextNode(result.error));
    } else {
      item.className = "ok";
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.name;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + result.suggestions + " " + (words.facts || "suggested facts") + (result.note ? " — " + result.note : "")));
    }
    results.appendChild(item);
  }

  function send(fields) {
    return fetch(form.action || window.location.href, {
      method: "POST", body: fields, credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(JSON.stringify(data.errors || data)); }
        return data.results;
      });
    });
  }

  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type=file]");
    var files = input ? Array.prototype.slice.call(input.files) : [];
    var pasted = form.querySelector("textarea[name=text]");
    var jobs = files.map(function (file) { return { file: file, name: file.name }; });
    if (pasted && pasted.value.trim()) { jobs.push({ text: pasted.value, name: "…" }); }
    if (jobs.length === 0) { return; }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    results.textContent = "";
    progress.hidden = false;
    bar.max = jobs.length;
    bar.value = 0;
    var base = new FormData(form);
    base.delete("documents");
    base.delete("text");
    var chain = Promise.resolve();
    jobs.forEach(function (job, index) {
      chain = chain.then(function () {
        text.textContent = (words.reading || "Reading") + " " + job.name + " (" + (index + 1) + " " + (words.of || "of") + " " + jobs.length + ")";
        var fields = new FormData();
        base.forEach(function (value, key) { fields.append(key, value); });
        if (job.file) { fields.append("documents", job.file, job.file.name); } else { fields.append("text", job.text); }
        return send(fields).then(function (list) { list.forEach(show); }, function (error) { show({ name: job.name, error: job.name + ": " + error.message }); });
      }).then(function () { bar.value = index + 1; });
    });
    chain.then(function () {
      text.textContent = (words.done || "Done") + ": " + jobs.length + " / " + jobs.length;
      button.disabled = false;
      if (input) { input.value = ""; }
      if (pasted) { pasted.value = ""; }
    });
  });
})();
