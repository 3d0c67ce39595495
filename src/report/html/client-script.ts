/**
 * The script of report.html (vanilla JavaScript, no framework, no network): reads the data the
 * page embeds as JSON and renders the problem list and the tables. Every text from the inputs is
 * put in the page with `textContent`, never parsed as HTML, so a crafted cell cannot inject
 * markup. Tables render one page of rows at a time (sorting and filtering work on the data), so
 * 100k Form 8949 lines stay fast.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('taxlot-data').textContent);
  var PAGE = 100;
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'cls') n.className = attrs[k];
      else n.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) n.appendChild(c); });
    return n;
  }
  function copyButton(text) {
    var b = el('button', { type: 'button', cls: 'copy', text: 'Copy' });
    b.addEventListener('click', function () {
      var done = function () { b.textContent = 'Copied'; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { b.textContent = 'Select the text and copy it'; });
      else b.textContent = 'Select the text and copy it';
    });
    return b;
  }

  // ── problems, grouped by kind, most costly first ──
  var problems = document.getElementById('problems');
  if (data.groups.length === 0) problems.appendChild(el('p', { text: 'No diagnostics: nothing to fix.' }));
  data.groups.forEach(function (g) {
    var list = el('ol', { cls: 'items' });
    var head = el('summary', {}, [
      el('span', { cls: 'sev sev-' + g.severity, text: g.severity }),
      el('code', { text: g.code }),
      el('span', { text: ' — ' + g.count + (g.count === 1 ? ' diagnostic' : ' diagnostics') }),
      g.atRisk ? el('span', { cls: 'risk', text: ' · at risk ' + g.atRisk + ' ' + data.currency }) : null,
    ]);
    var box = el('details', { cls: 'group', 'data-code': g.code, 'data-count': String(g.count) }, [head,
      el('p', { cls: 'hint', text: g.hint || '' }),
      g.assumed ? el('p', { cls: 'assumed', text: 'taxlot assumed: ' + g.assumed }) : null,
      list]);
    if (g.severity !== 'note') box.open = true;
    var shown = 0;
    function more() {
      g.items.slice(shown, shown + PAGE).forEach(function (d) {
        var li = el('li', { cls: 'item', 'data-code': g.code }, [
          el('div', {}, [el('code', { cls: 'where', text: d.where || '(report)' }), el('span', { text: ' ' + d.message })]),
          d.atRisk ? el('div', { cls: 'risk', text: 'at risk: ' + d.atRisk + ' ' + data.currency }) : null,
          d.row !== undefined ? el('pre', { cls: 'row', text: d.row }) : null,
        ]);
        if (d.snippet) {
          li.appendChild(el('div', { cls: 'fix' }, [el('span', { text: 'Override that would fix it' + (g.note ? ' (' + g.note + ')' : '') + ':' }), copyButton(d.snippet)]));
          li.appendChild(el('pre', { cls: 'snippet', text: d.snippet }));
        }
        list.appendChild(li);
      });
      shown = Math.min(g.items.length, shown + PAGE);
      button.hidden = shown >= g.items.length;
    }
    var button = el('button', { type: 'button', text: 'Show more' });
    button.addEventListener('click', more);
    box.appendChild(button);
    if (g.count > g.items.length) box.appendChild(el('p', { cls: 'hint', text: (g.count - g.items.length) + ' more are listed in diagnostics.txt' }));
    more();
    problems.appendChild(box);
  });

  // ── tables: sort by a header click, filter by text, one page at a time ──
  function table(spec) {
    var host = document.getElementById(spec.id);
    var rows = spec.rows.slice();
    var view = rows;
    var page = 0;
    var sortCol = -1, sortDir = 1;
    var filter = el('input', { type: 'search', placeholder: 'Filter ' + spec.title.toLowerCase() + '…', 'aria-label': 'Filter ' + spec.title });
    var info = el('span', { cls: 'info' });
    var prev = el('button', { type: 'button', text: '‹ Previous' });
    var next = el('button', { type: 'button', text: 'Next ›' });
    var thead = el('tr');
    spec.columns.forEach(function (c, i) {
      var th = el('th', { text: c.label, title: 'Sort by ' + c.label, cls: c.num ? 'num' : '' });
      th.addEventListener('click', function () {
        sortDir = sortCol === i ? -sortDir : 1;
        sortCol = i;
        var num = c.num;
        view.sort(function (a, b) {
          var x = a[i], y = b[i];
          if (num) { var d = (parseFloat(x) || 0) - (parseFloat(y) || 0); if (d !== 0) return d * sortDir; }
          return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
        });
        page = 0; render();
      });
      thead.appendChild(th);
    });
    var tbody = el('tbody');
    host.appendChild(el('div', { cls: 'tools' }, [filter, prev, next, info]));
    host.appendChild(el('table', {}, [el('thead', {}, [thead]), tbody]));
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase();
      view = q === '' ? rows.slice() : rows.filter(function (r) { return r.join('\u0001').toLowerCase().indexOf(q) >= 0; });
      page = 0; render();
    });
    prev.addEventListener('click', function () { if (page > 0) { page--; render(); } });
    next.addEventListener('click', function () { if ((page + 1) * PAGE < view.length) { page++; render(); } });
    function render() {
      tbody.textContent = '';
      var frag = document.createDocumentFragment();
      view.slice(page * PAGE, page * PAGE + PAGE).forEach(function (r) {
        var tr = el('tr');
        r.forEach(function (v, i) { tr.appendChild(el('td', { text: v, cls: spec.columns[i].num ? 'num' : '' })); });
        frag.appendChild(tr);
      });
      tbody.appendChild(frag);
      var first = view.length === 0 ? 0 : page * PAGE + 1;
      info.textContent = first + '–' + Math.min(view.length, (page + 1) * PAGE) + ' of ' + view.length + (view.length !== rows.length ? ' (filtered from ' + rows.length + ')' : '');
      prev.disabled = page === 0;
      next.disabled = (page + 1) * PAGE >= view.length;
    }
    render();
  }
  data.tables.forEach(table);
  document.body.setAttribute('data-ready', 'true');
})();
`;
