(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var panel = document.getElementById('filters');
  if (!panel) return;
  var boxes = Array.prototype.slice.call(panel.querySelectorAll('input[type=checkbox]'));
  var entries = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var shown = document.getElementById('shown');
  var noneShown = document.getElementById('none-shown');
  var groups = { c: 'data-c', d: 'data-d', s: 'data-s' };

  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) off[b.name + ':' + b.value] = true; });
    var count = 0;
    entries.forEach(function (e) {
      var hide = Object.keys(groups).some(function (g) {
        var v = e.getAttribute(groups[g]);
        return v !== null && off[g + ':' + v] === true;
      });
      e.hidden = hide;
      if (!hide) count++;
    });
    shown.textContent = String(count);
    noneShown.hidden = count !== 0;
  }

  function only(group, value) {
    boxes.forEach(function (b) {
      if (b.name === group) b.checked = value === null || b.value === value;
    });
    apply();
  }

  panel.addEventListener('change', apply);
  panel.addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-group]');
    if (!b) return;
    var group = b.getAttribute('data-group');
    if (b.getAttribute('data-set') === 'all') { only(group, null); return; }
    boxes.forEach(function (x) { if (x.name === group) x.checked = false; });
    apply();
  });
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-only]');
    if (!a) return;
    ev.preventDefault();
    boxes.forEach(function (b) { b.checked = true; });
    only(a.getAttribute('data-only'), a.getAttribute('data-value'));
    panel.scrollIntoView({ block: 'start' });
  });
  document.getElementById('reset').addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; });
    apply();
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  apply();
})();
