(function () {
  'use strict';
  // Every value is put in the page with textContent or setAttribute, never as markup, so file
  // names and log lines an attacker chose stay text.
  var RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
  var COLUMNS = ['severity', 'check', 'title', 'path'];
  var data = JSON.parse(document.getElementById('ward-data').textContent);
  var tbody = document.querySelector('#findings-table tbody');
  var headers = Array.prototype.slice.call(document.querySelectorAll('#findings-table th[data-key]'));
  var filter = document.getElementById('filter');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.sev-filter'));
  var shown = document.getElementById('shown');
  var sortKey = null;
  var sortDir = 1;

  // Same escapes as the text report: control and bidi characters made visible.
  function vis(s) {
    return String(s).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, function (c) {
      var n = c.charCodeAt(0);
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      return n < 0x80 ? '\\x' + ('0' + n.toString(16)).slice(-2) : '\\u' + ('000' + n.toString(16)).slice(-4);
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = vis(text);
    return e;
  }
  function show(v) { return typeof v === 'string' ? v : JSON.stringify(v); }

  function detail(f) {
    var tr = el('tr', 'detail');
    var td = el('td');
    var dl = el('dl');
    function item(k, v) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
    td.colSpan = COLUMNS.length;
    if (f.summary) td.appendChild(el('p', 'summary', f.summary));
    item('id', f.id);
    f.paths.forEach(function (p) { item('path', p); });
    if (f.pids.length) item('pid', f.pids.join(', '));
    if (f.attack.length) item('ATT&CK', f.attack.join(', '));
    Object.keys(f.evidence).forEach(function (k) { item(k, show(f.evidence[k])); });
    if (f.remediation) item('fix', f.remediation);
    td.appendChild(dl);
    tr.appendChild(td);
    tr.hidden = true;
    return tr;
  }

  function build(f, i) {
    var path = f.paths.length ? f.paths[0] + (f.paths.length > 1 ? ' (+' + (f.paths.length - 1) + ')' : '') : '';
    var tr = el('tr', 'finding sev-' + f.severity);
    var d = detail(f);
    tr.tabIndex = 0;
    tr.setAttribute('data-id', f.id);
    tr.setAttribute('data-check', f.check);
    tr.setAttribute('data-severity', f.severity);
    tr.setAttribute('aria-expanded', 'false');
    tr.appendChild(el('td', 'sev', f.severity));
    tr.appendChild(el('td', 'check', f.check));
    tr.appendChild(el('td', 'title', f.title));
    tr.appendChild(el('td', 'path', path));
    function toggle() {
      d.hidden = !d.hidden;
      tr.setAttribute('aria-expanded', String(!d.hidden));
    }
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); }
    });
    var text = [f.id, f.check, f.severity, f.title, f.summary, f.paths.join('\n'), f.attack.join(' '),
      JSON.stringify(f.evidence), f.remediation].join('\n').toLowerCase();
    return { f: f, i: i, row: tr, detail: d, path: path, text: text };
  }

  var rows = data.findings.map(build);

  function key(r, k) { return k === 'severity' ? RANK[r.f.severity] : k === 'path' ? r.path : r.f[k]; }

  // Stable: ties keep the report's ranking.
  function sortBy(k, dir) {
    sortKey = k;
    sortDir = dir;
    rows.sort(function (a, b) {
      var x = key(a, k), y = key(b, k);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.i - b.i;
    });
    headers.forEach(function (th) {
      var mine = th.getAttribute('data-key') === k;
      th.setAttribute('aria-sort', mine ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    render();
  }

  function render() {
    rows.forEach(function (r) { tbody.appendChild(r.row); tbody.appendChild(r.detail); });
  }

  function apply() {
    var q = filter.value.trim().toLowerCase();
    var want = {};
    var n = 0;
    boxes.forEach(function (b) { want[b.value] = b.checked; });
    rows.forEach(function (r) {
      var ok = want[r.f.severity] !== false && (!q || r.text.indexOf(q) >= 0);
      r.row.hidden = !ok;
      if (!ok) { r.detail.hidden = true; r.row.setAttribute('aria-expanded', 'false'); }
      if (ok) n++;
    });
    shown.textContent = 'showing ' + n + ' of ' + rows.length;
  }

  // Severity sorts most severe first on the first click; text columns A to Z.
  function firstDir(k) { return k === 'severity' ? -1 : 1; }

  // A view can be linked: #sort=check&dir=desc&filter=cron&sev=high,critical
  function fromHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (p.has('filter')) filter.value = p.get('filter');
    if (p.has('sev')) {
      var sevs = p.get('sev').split(',');
      boxes.forEach(function (b) { b.checked = sevs.indexOf(b.value) >= 0; });
    }
    var k = p.get('sort');
    if (COLUMNS.indexOf(k) >= 0) {
      sortBy(k, p.get('dir') === 'desc' ? -1 : p.get('dir') === 'asc' ? 1 : firstDir(k));
    }
    apply();
  }

  headers.forEach(function (th) {
    th.addEventListener('click', function () {
      var k = th.getAttribute('data-key');
      sortBy(k, k === sortKey ? -sortDir : firstDir(k));
    });
  });
  filter.addEventListener('input', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  window.addEventListener('hashchange', fromHash);
  render();
  fromHash();
  document.documentElement.setAttribute('data-rendered', String(rows.length));
}());
