/* lkip-audit report viewer: findings on the left, the page with the finding outlined on the right.
   Inlined into the report and allowed by its SHA-256 in the Content Security Policy; it reads only
   the report's own JSON blocks and never writes document text as HTML (textContent, cloneNode). */
(function () {
  'use strict';
  var doc = document, body = doc.body;
  function $(id) { return doc.getElementById(id); }
  var pages = JSON.parse($('lkip-pages').textContent);
  var words = JSON.parse($('lkip-words').textContent);
  var items = Array.prototype.slice.call(doc.querySelectorAll('li.finding'));
  var groups = Array.prototype.slice.call(doc.querySelectorAll('section.group'));
  var keys = ['severity', 'rule', 'table'];
  var search = $('f-search'), pageEl = $('page'), img = $('pageimg'), box = $('pagebox');
  var nopage = $('nopage'), docx = $('docx'), cur = $('current');
  var current = null, shownPage = null;

  function visible() { return items.filter(function (li) { return !li.hidden; }); }
  function marksOf(li) { return JSON.parse(li.getAttribute('data-marks') || '[]'); }

  function apply() {
    var terms = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    items.forEach(function (li) {
      var ok = keys.every(function (k) {
        var v = $('f-' + k).value;
        return !v || li.getAttribute('data-' + k) === v;
      }) && terms.every(function (w) { return li.getAttribute('data-search').indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) { n++; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector('li.finding:not([hidden])'); });
    $('shown').textContent = String(n);
    $('none-shown').hidden = n > 0 || items.length === 0;
    body.setAttribute('data-shown', String(n));
    if (!current || current.hidden) {
      var v = visible();
      if (v.length) { select(v[0]); }
    }
  }

  function showPage(p, marks, focus) {
    var info = pages[String(p)];
    Array.prototype.slice.call(pageEl.querySelectorAll('.mark')).forEach(function (m) { m.remove(); });
    docx.textContent = '';
    $('pageno').textContent = '';
    if (!info || !info.src) {
      pageEl.hidden = true; nopage.hidden = false; shownPage = null;
      nopage.textContent = words.no_image.replace('{page}', String(p));
      body.setAttribute('data-page-shown', '');
      return;
    }
    pageEl.hidden = false; nopage.hidden = true;
    pageEl.style.aspectRatio = info.w + ' / ' + info.h;
    if (shownPage !== p) {
      shownPage = p;
      img.removeAttribute('data-decoded');
      img.src = info.src;
      img.alt = words.page + ' ' + p;
      img.decode().then(function () {
        if (shownPage === p) { img.setAttribute('data-decoded', String(p)); }
      }, function () {});
    }
    body.setAttribute('data-page-shown', String(p));
    $('pageno').textContent = words.page + ' ' + p;
    var focusEl = null;
    marks.forEach(function (m, i) {
      if (m[1] !== p) { return; }
      var d = doc.createElement('div');
      d.className = 'mark ' + m[0];
      d.style.left = (m[2] / info.w * 100) + '%';
      d.style.top = (m[3] / info.h * 100) + '%';
      d.style.width = ((m[4] - m[2]) / info.w * 100) + '%';
      d.style.height = ((m[5] - m[3]) / info.h * 100) + '%';
      pageEl.appendChild(d);
      if (i === focus) { focusEl = d; }
    });
    focusEl = focusEl || pageEl.querySelector('.mark.cell, .mark.sentence') ||
      pageEl.querySelector('.mark.row, .mark.related, .mark.table');
    if (focusEl) {
      box.scrollTop = Math.max(0, pageEl.offsetTop + focusEl.offsetTop + focusEl.offsetHeight / 2 - box.clientHeight / 2);
      box.scrollLeft = Math.max(0, pageEl.offsetLeft + focusEl.offsetLeft + focusEl.offsetWidth / 2 - box.clientWidth / 2);
    } else {
      box.scrollTop = 0;
    }
  }

  function select(li, opts) {
    opts = opts || {};
    if (current) { current.classList.remove('current'); }
    current = li;
    li.classList.add('current');
    body.setAttribute('data-current', li.id);
    if (opts.scroll !== false) { li.scrollIntoView({block: 'nearest'}); }
    cur.textContent = '';
    cur.className = 'sev-' + li.getAttribute('data-severity');
    ['.head', '.rc', '.vals', '.msg'].forEach(function (sel) {
      var el = li.querySelector(sel);
      if (el) { cur.appendChild(el.cloneNode(true)); }
    });
    var rule = li.getAttribute('data-rule'), ex = $('rule-' + rule);
    $('explain-rule').textContent = rule;
    $('explain-text').textContent = ex ? ex.querySelector('pre').textContent : '';
    var sn = li.querySelector('.snippet table');
    var p = parseInt(li.getAttribute('data-page'), 10);
    $('pageno').textContent = '';
    if (sn) {
      pageEl.hidden = true; nopage.hidden = true; shownPage = null;
      docx.textContent = '';
      docx.appendChild(sn.cloneNode(true));
      body.setAttribute('data-page-shown', 'docx');
    } else if (!p) {
      pageEl.hidden = true; nopage.hidden = false; docx.textContent = '';
      nopage.textContent = words.no_page;
      body.setAttribute('data-page-shown', '');
    } else {
      showPage(p, marksOf(li), opts.focus);
    }
  }

  function related(li, k) {  /* the k-th related mark of a finding: show its page, centre on it */
    var marks = marksOf(li), seen = -1;
    for (var i = 0; i < marks.length; i++) {
      if (marks[i][0] === 'related' && ++seen === k) {
        if (current !== li) { select(li, {scroll: false}); }
        showPage(marks[i][1], marks, i);
        return;
      }
    }
  }

  keys.forEach(function (k) { $('f-' + k).addEventListener('change', apply); });
  search.addEventListener('input', apply);
  items.forEach(function (li) {
    li.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a') : null;
      if (a && a.classList.contains('goto')) {
        e.preventDefault();
        related(li, parseInt(a.getAttribute('data-mark'), 10));
        return;
      }
      if (a && a.classList.contains('rule')) {
        e.preventDefault();
        $('explain').open = true;
      }
      if (current !== li || (a && a.classList.contains('rule'))) { select(li, {scroll: false}); }
    });
  });
  cur.addEventListener('click', function (e) {  /* the rule id above the page opens its explanation */
    var a = e.target.closest ? e.target.closest('a.rule') : null;
    if (a) { e.preventDefault(); $('explain').open = true; }
  });
  $('zoom').addEventListener('click', function () {
    pageEl.classList.toggle('zoom');
    if (current) { select(current, {scroll: false}); }
  });
  doc.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea' || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var d = (e.key === 'j' || e.key === 'ArrowDown') ? 1 : (e.key === 'k' || e.key === 'ArrowUp') ? -1 : 0;
    if (!d) { return; }
    e.preventDefault();
    var v = visible();
    if (!v.length) { return; }
    var i = v.indexOf(current);
    select(v[i < 0 ? 0 : Math.min(v.length - 1, Math.max(0, i + d))]);
  });

  var start = location.hash && doc.querySelector('li.finding' + location.hash.replace(/[^#\w-]/g, ''));
  if (start) { select(start); }
  apply();
  body.setAttribute('data-findings', String(items.length));
  body.setAttribute('data-ready', '1');
})();
