(function () {
  'use strict';
  document.documentElement.classList.add('js');
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  var dataBlock = document.getElementById('report-data');
  var list = document.getElementById('list');
  if (!dataBlock || !list) return;

  // The findings are data, not markup: filtering ten thousand is a loop
  // over an array, and only what is open is ever put in the page. Text is
  // always set with textContent, never parsed as HTML.
  var D = JSON.parse(dataBlock.textContent);
  var F = D.findings, checks = D.checks, files = D.files, src = D.src;
  var FIRST_SCREEN = 10;  // findings shown open before groups start closed
  var PAGE_FILES = 25;    // file groups per page of a check group
  var PAGE_FINDINGS = 20; // findings per page of a file group

  function $(id) { return document.getElementById(id); }
  var q = $('q'), qf = $('qf'), fc = $('fc'), fm = $('fm'), fs = $('fs');
  var shown = $('shown'), noneShown = $('none-shown');
  var haystack = null, lowerPaths = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function path(f) { return f === undefined || !files[f] || !files[f].p ? '(no location)' : files[f].p; }
  function where(f, l, k) {
    var s = path(f);
    if (l) { s += ':' + l; if (k) s += ':' + k; }
    return s;
  }
  function safeHref(u) { return /^(https?:\/\/|file:\/\/\/)/i.test(u) ? u : null; }

  function matching() {
    var text = q.value.trim().toLowerCase(), file = qf.value.trim().toLowerCase();
    var c = fc.value === '' ? -1 : Number(fc.value);
    var m = fm.value === '' ? -1 : Number(fm.value);
    var s = fs ? fs.value : '';
    if (text && !haystack)
      haystack = F.map(function (x) {
        return (x.m + '\n' + path(x.f) + '\n' + checks[x.c].id).toLowerCase();
      });
    if (file && !lowerPaths)
      lowerPaths = files.map(function (x) { return (x.p || '').toLowerCase(); });
    var out = [];
    for (var i = 0; i < F.length; i++) {
      var x = F[i];
      if ((c >= 0 && x.c !== c) || (m >= 0 && files[x.f].m !== m) ||
          (s && x.s !== s) || (file && lowerPaths[x.f].indexOf(file) < 0) ||
          (text && haystack[i].indexOf(text) < 0))
        continue;
      out.push(i);
    }
    return out;
  }

  // Check groups, most findings first; in each, files by path; in each,
  // findings by line (the data's own order).
  function groupByCheck(indices) {
    var byCheck = {}, order = [];
    indices.forEach(function (i) {
      var x = F[i], g = byCheck[x.c];
      if (!g) { g = byCheck[x.c] = { c: x.c, n: 0, files: {}, fileOrder: [] }; order.push(g); }
      g.n++;
      var fg = g.files[x.f];
      if (!fg) { fg = g.files[x.f] = { f: x.f, items: [] }; g.fileOrder.push(fg); }
      fg.items.push(i);
    });
    order.sort(function (a, b) { return b.n - a.n || a.c - b.c; });
    return order;
  }

  function moreButton(label, onClick) {
    var b = el('button', 'more', label);
    b.type = 'button';
    b.addEventListener('click', function () { b.remove(); onClick(); });
    return b;
  }

  // A <details> whose content is made when it is first opened.
  function lazyGroup(cls, summary, open, fill) {
    var d = el('details', cls);
    d.appendChild(summary);
    var filled = false;
    function ensure() { if (!filled && d.open) { filled = true; fill(d); } }
    d.addEventListener('toggle', ensure);
    if (open) { d.open = true; ensure(); }
    return d;
  }

  function checkGroup(g, budget) {
    var check = checks[g.c];
    var s = el('summary');
    s.appendChild(el('span', 'sw ' + check.k));
    s.appendChild(el('span', 'check ' + check.k, check.id));
    s.appendChild(el('span', 'n', plural(g.n, 'finding', 'findings') + ' in ' +
                     plural(g.fileOrder.length, 'file', 'files')));
    if (check.short) s.appendChild(el('span', 'short', check.short));
    var d = lazyGroup('grp', s, budget.left > 0, function (d) {
      var shownFiles = 0;
      function page() {
        var end = Math.min(g.fileOrder.length, shownFiles + PAGE_FILES);
        for (; shownFiles < end; shownFiles++) d.appendChild(fileGroup(g.fileOrder[shownFiles], budget));
        if (shownFiles < g.fileOrder.length)
          d.appendChild(moreButton('Show ' + Math.min(PAGE_FILES, g.fileOrder.length - shownFiles) +
                                   ' more files (' + (g.fileOrder.length - shownFiles) + ' not shown)', page));
      }
      page();
    });
    d.dataset.check = check.id;
    return d;
  }

  function fileGroup(fg, budget) {
    var s = el('summary');
    s.appendChild(el('span', 'loc', path(fg.f)));
    s.appendChild(el('span', 'n', plural(fg.items.length, 'finding', 'findings')));
    var d = lazyGroup('fgrp', s, budget.left > 0, function (d) {
      var done = 0;
      function page() {
        var end = Math.min(fg.items.length, done + PAGE_FINDINGS);
        for (; done < end; done++) { d.appendChild(finding(fg.items[done])); budget.left--; }
        if (done < fg.items.length)
          d.appendChild(moreButton('Show ' + Math.min(PAGE_FINDINGS, fg.items.length - done) +
                                   ' more findings (' + (fg.items.length - done) + ' not shown)', page));
      }
      page();
    });
    d.dataset.file = path(fg.f);
    return d;
  }

  // One source line; marks: [line, from, to] in the line's text.
  function sourceLine(ln, text, highlight, mark, markers) {
    var row = el('div', 'l' + (highlight ? ' hl' : ''));
    row.dataset.ln = ln;
    if (markers) {
      var g = el('span', 'g');
      markers.forEach(function (n) { g.appendChild(el('span', 'mk', String(n))); });
      row.appendChild(g);
    }
    if (mark) {
      row.appendChild(document.createTextNode(text.slice(0, mark[1])));
      row.appendChild(el('mark', null, text.slice(mark[1], mark[2])));
      row.appendChild(document.createTextNode(text.slice(mark[2])));
    } else {
      row.appendChild(document.createTextNode(text));
    }
    return row;
  }

  function excerpt(x) {
    var box = el('div', 'src'), lines = src[x.f] || {}, marks = {};
    (x.h || []).forEach(function (h) { marks[h[0]] = h; });
    for (var l = x.x[0]; l <= x.x[1]; l++) {
      if (lines[l] === undefined) continue;
      box.appendChild(sourceLine(l, lines[l], l === x.l, marks[l], (x.g && x.g[l]) || []));
    }
    return box;
  }

  function steps(title, items, ordered) {
    var box = el('div', 'path');
    box.appendChild(el('h4', null, title));
    var listEl = el(ordered ? 'ol' : 'ul');
    items.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('span', 'loc', where(s.f, s.l, s.k)));
      li.appendChild(document.createTextNode(' ' + s.m));
      var line = s.f !== undefined && s.l && src[s.f] ? src[s.f][s.l] : undefined;
      if (!s.i && line !== undefined) {
        var b = el('div', 'src');
        b.appendChild(sourceLine(s.l, line, false, null, null));
        li.appendChild(b);
      }
      listEl.appendChild(li);
    });
    box.appendChild(listEl);
    return box;
  }

  function fixDiff(fx) {
    var box = el('div', 'fixd' + (fx.r ? ' review' : ''));
    var h = el('h4', null, fx.r ? 'Fix from a note: ' : 'Fix: ');
    h.appendChild(document.createTextNode(fx.d.replace(/^Review before applying: /, '')));
    if (fx.r) h.appendChild(el('span', 'review-badge', 'review before applying'));
    box.appendChild(h);
    fx.e.forEach(function (e) {
      var diff = el('div', 'diff');
      diff.appendChild(el('div', 'dh', e.t + (e.l ? ':' + e.l : '')));
      (e.o || []).forEach(function (t, n) {
        var row = el('div', 'dl del', t);
        row.dataset.ln = e.l + n;
        diff.appendChild(row);
      });
      (e.a || []).forEach(function (t) { diff.appendChild(el('div', 'dl add', t)); });
      box.appendChild(diff);
    });
    return box;
  }

  function finding(i) {
    var x = F[i], check = checks[x.c];
    var level = /^[a-z]+$/.test(x.v) ? x.v : 'warning';
    var a = el('article', 'finding lv-' + level);
    a.id = 'f' + (i + 1);
    a.dataset.c = x.c;
    a.dataset.line = x.l || 0;
    if (x.s) a.dataset.s = x.s;
    var h = el('header');
    var idx = el('a', 'idx', '#' + (i + 1));
    idx.href = '#f' + (i + 1);
    h.appendChild(idx);
    h.appendChild(el('span', 'level', level));
    h.appendChild(el('span', 'check ' + check.k, check.id));
    h.appendChild(el('span', 'loc', where(x.f, x.l, x.k)));
    if (x.s) h.appendChild(el('span', 'badge ' + x.s, x.s));
    a.appendChild(h);
    a.appendChild(el('p', 'msg', x.m));
    if (x.u) a.appendChild(el('p', 'nosrc', x.u));
    if (x.x) a.appendChild(excerpt(x));
    (x.p || []).forEach(function (flow, n) {
      a.appendChild(steps(x.p.length > 1 ? 'Path ' + (n + 1) + ' of ' + x.p.length : 'Path', flow, true));
    });
    if (x.n) a.appendChild(steps('Notes', x.n, false));
    (x.fx || []).forEach(function (fx) { a.appendChild(fixDiff(fx)); });
    var foot = el('div', 'fix');
    var help = check.help && safeHref(check.help);
    if (help) {
      var span = el('span'), link = el('a', 'doc', check.id + ' documentation');
      link.href = help;
      link.rel = 'noopener noreferrer';
      span.appendChild(link);
      if (check.short) span.appendChild(document.createTextNode(': ' + check.short));
      foot.appendChild(span);
    }
    // NOLINT is cancellint's (and clang-tidy's) suppression, not other tools'.
    if (/^cancel-/.test(check.id)) {
      var sup = el('span', null, 'Suppress with ');
      sup.appendChild(el('code', 'nolint', '// NOLINT(' + check.id + ')'));
      if (x.l) sup.appendChild(document.createTextNode(' at the end of line ' + x.l));
      foot.appendChild(sup);
    }
    if (foot.childNodes.length) a.appendChild(foot);
    return a;
  }

  function render() {
    var indices = matching();
    shown.textContent = String(indices.length);
    noneShown.hidden = indices.length !== 0;
    list.textContent = '';
    var budget = { left: FIRST_SCREEN };
    var parts = D.baseline
      ? [{ s: 'new', title: 'New since the baseline' }, { s: 'known', title: 'Known from the baseline' }]
      : [{ s: null, title: null }];
    parts.forEach(function (part) {
      var mine = part.s ? indices.filter(function (i) { return F[i].s === part.s; }) : indices;
      if (!mine.length) return;
      var sec = el('section', 'part' + (part.s ? ' part-' + part.s : ''));
      if (part.title) sec.appendChild(el('h3', 'part-h', part.title + ': ' + plural(mine.length, 'finding', 'findings')));
      groupByCheck(mine).forEach(function (g) { sec.appendChild(checkGroup(g, budget)); });
      list.appendChild(sec);
    });
    document.querySelectorAll('#matrix a.on').forEach(function (a) { a.classList.remove('on'); });
    var cell = document.querySelector('#matrix a[data-c="' + fc.value + '"][data-m="' + fm.value + '"]');
    if (cell) cell.classList.add('on');
  }

  [q, qf].forEach(function (input) { input.addEventListener('input', render); });
  [fc, fm, fs].forEach(function (select) { if (select) select.addEventListener('change', render); });
  $('reset').addEventListener('click', function () {
    q.value = qf.value = fc.value = fm.value = '';
    if (fs) fs.value = '';
    render();
  });
  // The matrix: a cell shows its check in its directory, a column header
  // its check, a row header its directory.
  var matrix = $('matrix');
  if (matrix)
    matrix.addEventListener('click', function (ev) {
      var a = ev.target.closest('a[data-c], a[data-m]');
      if (!a) return;
      ev.preventDefault();
      fc.value = a.getAttribute('data-c') || '';
      fm.value = a.getAttribute('data-m') || '';
      q.value = qf.value = '';
      if (fs) fs.value = '';
      render();
      $('findings').scrollIntoView({ block: 'start' });
    });
  render();
})();
