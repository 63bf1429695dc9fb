/* lkip-audit serve: uploads, progress per report, the list of reports.
   Plain JavaScript served by the app (no CDN). Every text from the server or a
   document is put into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var page = document.body.getAttribute("data-page");
  var POLL_MS = 800;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json", "X-Requested-With": "fetch" },
                        credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
  }

  function localTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return iso; }
    return d.toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "id-ID");
  }

  document.querySelectorAll("time[datetime]").forEach(function (t) {
    t.textContent = localTime(t.getAttribute("datetime"));
  });

  // -- the list of reports -------------------------------------------------------------------
  var labels = document.getElementById("row-labels");
  function label(key) { return labels ? labels.getAttribute("data-" + key) : key; }

  function stateText(r) {
    // a Word draft (kind docx) is read part by part (its chapters): it has no pages
    var s = label(r.state === "reading" && r.kind === "docx" ? "reading-parts" : r.state) || r.state;
    if (r.recheck) { s = label("recheck"); }
    if (r.state === "reading" && r.total) { s += " " + r.done + "/" + r.total; }
    if (r.state === "failed" && r.message) { s += ": " + r.message; }
    return s;
  }

  function renderList(reports) {
    var body = document.getElementById("report-rows");
    if (!body) { return; }
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (!reports.length) {
      var tr0 = el("tr", { "class": "empty" });
      tr0.appendChild(el("td", { colspan: "9", "class": "muted" }, label("none")));
      body.appendChild(tr0);
      return;
    }
    reports.forEach(function (r) {
      var tr = el("tr", r.recheck ? { "data-id": r.id, "data-state": r.state, "data-recheck": "1" }
                                  : { "data-id": r.id, "data-state": r.state });
      var name = el("td");
      name.appendChild(el("a", { "class": "open", href: "/r/" + encodeURIComponent(r.id) }, r.name));
      tr.appendChild(name);
      tr.appendChild(el("td", {}, r.instansi || "-"));
      tr.appendChild(el("td", {}, r.tahun || "-"));
      ["error", "warning", "info"].forEach(function (k) {
        tr.appendChild(el("td", { "class": "num c-" + k, "data-field": k }, r.counts[k]));
      });
      var when = el("td");
      when.appendChild(el("time", { datetime: r.created }, localTime(r.created)));
      tr.appendChild(when);
      tr.appendChild(el("td", {}, stateText(r)));
      var act = el("td");
      var form = el("form", { "class": "inline", method: "post", action: "/r/" + encodeURIComponent(r.id) + "/delete" });
      form.appendChild(el("input", { type: "hidden", name: "csrf_token", value: csrf }));
      form.appendChild(el("button", { type: "submit" }, label("delete")));
      act.appendChild(form);
      tr.appendChild(act);
      body.appendChild(tr);
    });
  }

  function refreshList() {
    return getJSON("/api/reports").then(function (d) { renderList(d.reports); return d.reports; });
  }

  // -- uploads ---------------------------------------------------------------------------------
  function message(text) {
    var box = document.getElementById("messages");
    if (box) { box.appendChild(el("li", { role: "alert" }, text)); }
  }

  var active = 0;      // uploads or checks not finished
  var finishedOk = []; // reports done in this batch

  function track(report, item, bar, status, single) {
    active += 1;
    function poll() {
      getJSON("/api/reports/" + encodeURIComponent(report.id)).then(function (r) {
        item.setAttribute("data-state", r.state);
        if (r.total) { bar.max = r.total; bar.value = r.done; }
        status.textContent = stateText(r);
        if (r.state === "done" || r.state === "failed") {
          active -= 1;
          if (r.state === "done") {
            bar.max = 1; bar.value = 1;
            finishedOk.push(r);
            item.appendChild(el("a", { "class": "open", href: report.url }, label("open")));
          }
          refreshList();
          if (single && r.state === "done") { window.location.assign(report.url); }
          return;
        }
        setTimeout(poll, POLL_MS);
      }).catch(function () { setTimeout(poll, POLL_MS * 2); });
    }
    poll();
  }

  function uploadOne(file, single) {
    var list = document.getElementById("progress");
    var item = el("li", { "class": "upload", "data-state": "uploading" });
    item.appendChild(el("span", { "class": "name" }, file.name));
    var bar = el("progress", { max: "1", value: "0" });
    item.appendChild(bar);
    var status = el("span", { "class": "status" }, "");
    item.appendChild(status);
    list.appendChild(item);
    var form = document.getElementById("upload-form");
    var max = parseInt(form.getAttribute("data-max-bytes"), 10);
    if (max && file.size > max) {
      item.setAttribute("data-state", "refused");
      status.textContent = label("too-large");
      message(file.name + ": " + label("too-large"));
      return;
    }
    var data = new FormData();
    data.append("file", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action"));
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("X-Requested-With", "fetch");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (ev) { if (ev.lengthComputable) { bar.max = ev.total; bar.value = ev.loaded; } };
    xhr.onload = function () {
      var d = null;
      try { d = JSON.parse(xhr.responseText); } catch (e) { d = null; }
      if (!d) {
        item.setAttribute("data-state", "refused");
        message(file.name + ": " + (xhr.status === 413 ? label("too-large") : "HTTP " + xhr.status));
        return;
      }
      (d.errors || []).forEach(message);
      if (d.error) { message(file.name + ": " + d.error); }
      if (d.errors && d.errors.length || d.error) { item.setAttribute("data-state", "refused"); status.textContent = d.error || d.errors[0]; }
      (d.reports || []).forEach(function (r) { track(r, item, bar, status, single); });
      if (d.reports && d.reports.length) { refreshList().catch(function () {}); }  // listed while checked
    };
    xhr.onerror = function () { item.setAttribute("data-state", "refused"); message(file.name + ": HTTP " + xhr.status); };
    xhr.send(data);
  }

  function uploadAll(files) {
    var arr = Array.prototype.slice.call(files || []);
    finishedOk = [];
    arr.forEach(function (f) { uploadOne(f, arr.length === 1); });
  }

  if (page === "index") {
    var input = document.getElementById("file-input");
    var zone = document.getElementById("drop-zone");
    input.addEventListener("change", function () { uploadAll(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (n) {
      zone.addEventListener(n, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (n) {
      zone.addEventListener(n, function (ev) { ev.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (ev) { if (ev.dataTransfer) { uploadAll(ev.dataTransfer.files); } });
    zone.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { input.click(); } });
    // reports still being checked (here or in another tab): keep the list current
    (function watch() {
      var busy = document.querySelector('#report-rows tr[data-state="queued"], #report-rows tr[data-state="reading"], #report-rows tr[data-state="checking"]');
      if (busy) { refreshList().catch(function () {}); }
      setTimeout(watch, 2000);
    })();
  }

  if (page === "report") {
    var viewer = document.getElementById("viewer");
    if (viewer) {
      viewer.addEventListener("load", function () { document.body.setAttribute("data-viewer-loaded", "1"); });
      viewer.setAttribute("src", viewer.getAttribute("data-src"));  // after the listener: its load is seen
    }
    var head = document.getElementById("report-head");
    var state = head && head.getAttribute("data-state");
    var rendering = head && head.getAttribute("data-rendering") === "1";
    if (state && ((state !== "done" && state !== "failed") || rendering)) {
      (function poll() {
        getJSON("/api/reports/" + encodeURIComponent(head.getAttribute("data-id"))).then(function (r) {
          var bar = document.getElementById("r-progress");
          if (bar && r.total) { bar.max = r.total; bar.value = r.done; }
          var st = document.getElementById("r-state");
          if (st) { st.textContent = stateText(r); }
          if ((r.state === "done" || r.state === "failed") && !r.rendering) { window.location.reload(); return; }
          setTimeout(poll, POLL_MS);
        }).catch(function () { setTimeout(poll, POLL_MS * 2); });
      })();
    }
  }
  document.body.setAttribute("data-ready", "1");
})();
