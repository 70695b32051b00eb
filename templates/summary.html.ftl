<#ftl output_format="HTML" strip_whitespace=true>
<#-- Cohort summary for judges. Self-contained: no external CSS, JS, fonts or images, so it
     opens from a USB stick. Ids are stable so browser tests and judges' scripts can find parts. -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} - cohort summary</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  table { border-collapse: collapse; font-size: 0.9rem; }
  th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  th[data-sort] { cursor: pointer; background: #f2f2f2; user-select: none; }
  th[aria-sort="ascending"]::after { content: " \25B2"; } th[aria-sort="descending"]::after { content: " \25BC"; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .full_marks { color: #0a6b2b; } .marks_lost { color: #8a5a00; }
  .timed_out, .error, .roster_error { color: #b00020; font-weight: bold; }
  .flag { display: inline-block; background: #fff3cd; border-radius: 3px; padding: 0 0.3rem; margin: 1px; }
  .none { color: #666; }
  svg text { font-size: 11px; fill: #333; }
</style>
</head>
<body>
<h1 id="title">${title}: cohort summary</h1>

<section id="figures">
<table>
  <tr><th>Students</th><td class="num" id="student-count">${studentCount}</td></tr>
  <tr><th>Scored</th><td class="num" id="scored-count">${scoredCount}</td></tr>
  <tr><th>Full marks</th><td class="num" id="full-marks-count">${fullMarksCount}</td></tr>
  <tr><th>Mean total</th><td class="num" id="mean-total">${mean} / ${max}</td></tr>
  <tr><th>Median total</th><td class="num" id="median-total">${median} / ${max}</td></tr>
  <#list statusCounts as s>
  <tr><th>${s.status}</th><td class="num" id="status-count-${s.status}">${s.count}</td></tr>
  </#list>
</table>
</section>

<h2>Totals</h2>
<p>Students per total mark (out of ${max}); hover a bar for its count.</p>
<svg id="histogram" xmlns="http://www.w3.org/2000/svg" width="${histogram.width}" height="${histogram.height?number + 30}"
     role="img" aria-label="Histogram of totals">
  <#list histogram.bars as b>
  <g id="histogram-bin-${b?index}">
    <title>${b.label}: ${b.count} student(s)</title>
    <rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#4a7ebb"></rect>
    <text x="${b.labelX}" y="${histogram.height?number + 14}" text-anchor="middle">${b.label}</text>
    <#if b.count != "0"><text x="${b.labelX}" y="${b.y?number - 3}" text-anchor="middle">${b.count}</text></#if>
  </g>
  </#list>
</svg>

<h2>Pass rate per item</h2>
<p>Share of scored students with every mark of the item.</p>
<svg id="item-pass-rates" xmlns="http://www.w3.org/2000/svg" width="760" height="${items?size * 24 + 4}"
     role="img" aria-label="Share of students with full marks on each item">
  <#list items as i>
  <g id="pass-rate-${i.id}">
    <title>${i.number} ${i.title}: ${i.passed} of ${scoredCount} (${i.percent}%)</title>
    <text x="0" y="${i.y?number + 15}">${i.number} ${i.id}</text>
    <rect x="300" y="${i.y?number + 4}" width="400" height="16" fill="#eee"></rect>
    <rect x="300" y="${i.y?number + 4}" width="${i.width}" height="16" fill="#3c9a5f"></rect>
    <text x="706" y="${i.y?number + 15}">${i.percent}%</text>
  </g>
  </#list>
</svg>

<h2>Flags</h2>
<section id="flags">
  <h3>Students on the same AWS account</h3>
  <#if sharedAccounts?has_content>
  <ul id="flag-shared-accounts">
    <#list sharedAccounts as a><li>account ${a.account}: ${a.students}</li></#list>
  </ul>
  <#else><p class="none" id="flag-shared-accounts">None.</p></#if>

  <h3>Timings that contradict themselves</h3>
  <#if timingContradictions?has_content>
  <ul id="flag-timings">
    <#list timingContradictions as t><li>${t.studentId}: ${t.message}</li></#list>
  </ul>
  <#else><p class="none" id="flag-timings">None.</p></#if>

  <h3>Changed after the deadline</h3>
  <#if changedAfterDeadline?has_content>
  <table id="flag-changed-after-deadline">
    <thead><tr><th>student</th><th>resource</th><th>event</th><th>time</th><th>principal</th></tr></thead>
    <tbody>
    <#list changedAfterDeadline as c><tr><td>${c.studentId}</td><td>${c.resource}</td><td>${c.event}</td><td>${c.time}</td><td>${c.principal}</td></tr></#list>
    </tbody>
  </table>
  <#else><p class="none" id="flag-changed-after-deadline">None (changes are looked for only with --deadline TIME).</p></#if>

  <h3>Timed out or failed</h3>
  <#if incomplete?has_content>
  <ul id="flag-incomplete">
    <#list incomplete as t><li>${t.studentId} (${t.status}): ${t.message}</li></#list>
  </ul>
  <#else><p class="none" id="flag-incomplete">None.</p></#if>

  <h3>Unverifiable checks</h3>
  <#if unverifiable?has_content>
  <ul id="flag-unverifiable">
    <#list unverifiable as u><li>${u.count} check<#if u.count != "1">s</#if> for ${u.studentCount} student<#if u.studentCount != "1">s</#if>: ${u.cause} <span class="ids">(checks: ${u.checks}; students: ${u.students})</span></li></#list>
  </ul>
  <#else><p class="none" id="flag-unverifiable">None.</p></#if>

  <h3>Roster rows not graded</h3>
  <#if problems?has_content>
  <ul id="roster-problems">
    <#list problems as p><li>row ${p.row}<#if p.studentId?has_content> (${p.studentId})</#if>: ${p.reason}</li></#list>
  </ul>
  <#else><p class="none" id="roster-problems">None.</p></#if>
</section>

<h2>Students</h2>
<table id="students">
  <thead>
  <tr>
    <th data-sort="text" id="sort-student_id">student_id</th>
    <th data-sort="text" id="sort-name">name</th>
    <th data-sort="text" id="sort-status">status</th>
    <#list items as i><th data-sort="number" id="sort-${i.id}" title="${i.title} (${i.max})">${i.number} ${i.id}</th></#list>
    <th data-sort="number" id="sort-total">total</th>
    <th data-sort="text" id="sort-account">account</th>
    <th data-sort="text" id="sort-flags">flags</th>
  </tr>
  </thead>
  <tbody>
  <#list students as s>
  <tr id="student-${s.id}">
    <td>${s.id}</td>
    <td>${s.name}</td>
    <td class="${s.status}">${s.status}</td>
    <#list s.marks as mark><td class="num">${mark}</td></#list>
    <td class="num">${s.total}</td>
    <td>${s.account}</td>
    <td><#list s.flags as f><span class="flag">${f}</span></#list></td>
  </tr>
  </#list>
  </tbody>
</table>

<script>
// Click a header to sort by it; click again to reverse. Empty cells sort last.
// The address remembers the order (#sort=total, #sort=-total), so a sorted view can be shared.
(function () {
  var headers = Array.prototype.slice.call(document.querySelectorAll('#students th[data-sort]'));
  function sortBy(th, asc) {
    var col = headers.indexOf(th);
    headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var body = document.querySelector('#students tbody');
    var numeric = th.dataset.sort === 'number';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
      if (x === '' || y === '') { return (x === '') - (y === ''); }
      var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      return asc ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  headers.forEach(function (th) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      sortBy(th, asc);
      history.replaceState(null, '', '#sort=' + (asc ? '' : '-') + th.id.substring('sort-'.length));
    });
  });
  var wanted = /^#sort=(-?)(.+)$/.exec(location.hash);
  var th = wanted && document.getElementById('sort-' + decodeURIComponent(wanted[2]));
  if (th) { sortBy(th, wanted[1] !== '-'); }
})();
</script>
</body>
</html>
