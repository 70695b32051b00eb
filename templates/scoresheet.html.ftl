<#-- labcheck scoresheet, HTML. One self-contained file: inline CSS, no scripts, no network.
     Auto-escaped (HTML output format): every ${...} is escaped, never use ?no_esc on scoresheet text.
     Kept well-formed XML (XHTML syntax, no named entities) so tests can parse it.
     Stable hooks for browser tests: #total, #student, tbody[data-item], tr[data-check], data-marks/data-max. -->
<#assign st = sheet.student!{}>
<#assign sample = (st.source!"") == "sample account">
<#macro badge outcome><span class="badge ${outcome?lower_case}">${outcome}</span></#macro>
<#macro table items label>
<table class="items">
  <caption>${label}</caption>
  <thead>
    <tr><th class="num">#</th><th>Item and checks</th><th class="marks">Marks</th><th class="status">Status</th></tr>
  </thead>
<#list items as item>
  <tbody class="item ${item.status?lower_case}" data-item="${item.number}" data-marks="${item.marks}" data-max="${item.max}" data-status="${item.status}">
    <tr class="item-row">
      <th class="num" scope="row">${item.number}</th>
      <th class="title">${item.title}</th>
      <td class="marks"><span class="got">${item.marks}</span> / <span class="max">${item.max}</span></td>
      <td class="status"><@badge item.status/></td>
    </tr>
<#list item.checks as check>
    <tr class="check ${check.outcome?lower_case}" id="check-${check.number}" data-check="${check.id}" data-number="${check.number}" data-marks="${check.marks}" data-max="${check.max}" data-outcome="${check.outcome}">
      <td class="num">${check.number}</td>
      <td class="body">
        <div class="check-title">${check.title} <code class="id">${check.id}</code></div>
<#if check.message?has_content>
        <p class="message">${check.message}</p>
</#if>
<#if check.outcome != "PASSED" && stepOf[check.number]??>
        <p class="remediation"><strong>How to fix:</strong> step ${stepOf[check.number]} of What to do next.</p>
<#elseif check.remediation?has_content && check.outcome != "PASSED">
        <p class="remediation"><strong>How to fix:</strong> ${check.remediation}</p>
</#if>
<#if sheet.loop?? && sheet.loop.hints[check.id]??>
        <p class="hint"><strong>Hint:</strong> ${sheet.loop.hints[check.id]}</p>
</#if>
<#if check.details?has_content>
        <pre class="details">${check.details}</pre>
</#if>
      </td>
      <td class="marks"><span class="got">${check.marks}</span> / <span class="max">${check.max}</span></td>
      <td class="status"><@badge check.outcome/></td>
    </tr>
</#list>
  </tbody>
</#list>
</table>
</#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="labcheck ${sheet.labcheckVersion!}"/>
<title>${st.name!(st.studentId!"Student")}: ${sheet.total} / ${sheet.max} (${sheet.rubricTitle!sheet.rubricId})</title>
<style>
  :root { --ok: #1a7f37; --part: #9a6700; --fail: #cf222e; --unv: #6e40c9; --err: #57606a; --line: #d0d7de; }
  * { box-sizing: border-box; }
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
  .sample { border: 2px dashed var(--part); background: #fff8c5; print-color-adjust: exact; -webkit-print-color-adjust: exact; padding: .5rem .75rem; margin: .75rem 0; font-weight: 600; }
  .total { font-size: 2.2rem; font-weight: 700; margin: .5rem 0 1rem; }
  .total .of { font-size: 1.2rem; font-weight: 400; color: #57606a; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
  dl.meta dt { color: #57606a; }
  dl.meta dd { margin: 0; overflow-wrap: anywhere; }
  table.items { width: 100%; border-collapse: collapse; margin-top: 1rem; }
  table.items caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  table.items th, table.items td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
  tbody.item { break-inside: avoid; page-break-inside: avoid; }
  tr.item-row { background: #f6f8fa; }
  table.items .num { width: 3.5rem; white-space: nowrap; }
  table.items .marks { width: 6.5rem; white-space: nowrap; text-align: right; }
  table.items .status { width: 8rem; }
  .check-title { font-weight: 600; }
  code.id { font-weight: 400; font-size: .8rem; color: #57606a; }
  p.message, p.remediation { margin: .3rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  pre.details { background: #f6f8fa; border: 1px solid var(--line); padding: .4rem .6rem; margin: .3rem 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; }
  .badge { display: inline-block; border: 1px solid currentColor; border-radius: 1rem; padding: 0 .5rem; font-size: .75rem; font-weight: 700; letter-spacing: .03em; }
  .badge.passed { color: var(--ok); }
  .badge.partial { color: var(--part); }
  .badge.failed { color: var(--fail); }
  .badge.unverifiable { color: var(--unv); }
  .badge.error { color: var(--err); }
  ul.notes { padding-left: 1.2rem; }
  section.next { border: 1px solid var(--line); border-left: 4px solid var(--unv); padding: .25rem 1rem .5rem; margin: 1rem 0; }
  section.next h2 { margin: .5rem 0; }
  section.next ol { padding-left: 1.4rem; margin: .25rem 0; }
  section.next li { margin: .3rem 0; overflow-wrap: anywhere; }
  section.next .stake { font-weight: 700; }
  section.next .held { color: #57606a; font-size: .85rem; }
  footer { margin-top: 2rem; color: #57606a; font-size: .8rem; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    .badge { border-width: 1px; }
    pre.details { font-size: 8.5pt; }
    a { color: inherit; text-decoration: none; }
  }
</style>
</head>
<body>
<header>
  <h1>${sheet.rubricTitle!sheet.rubricId}: scoresheet</h1>
<#if sample>
  <p class="sample" id="sample-account">Graded from the sample account, not a student's own AWS account: these marks illustrate labcheck and belong to no one.</p>
</#if>
<#if sheet.withheld?has_content>
  <p class="total" id="total" data-marks="${sheet.total}" data-max="${sheet.max}" data-withheld="${sheet.withheldMarks()}"><span class="got">${sheet.total}</span> <span class="of">of <span class="max">${sheet.max}</span> shown marks; ${sheet.withheldMarks()} marks are judged later</span></p>
<#else>
  <p class="total" id="total" data-marks="${sheet.total}" data-max="${sheet.max}"><span class="got">${sheet.total}</span> <span class="of">/ <span class="max">${sheet.max}</span> marks</span></p>
</#if>
<#if sheet.loop?? && sheet.loop.sinceLastRun?has_content>
  <p class="since" id="since-last-run"><strong>Since the last run:</strong> ${sheet.loop.sinceLastRun?join("; ")}</p>
</#if>
  <dl class="meta" id="student">
    <dt>Student</dt><dd class="student">${st.name!"(no name)"}<#if st.studentId??> (${st.studentId})</#if></dd>
    <dt>AWS account</dt><dd class="account">${st.account!"(unknown)"}</dd>
    <dt>Region</dt><dd class="region">${st.region!"(unknown)"}</dd>
<#if st.clusterId??>
    <dt>Cluster</dt><dd class="cluster">${st.clusterId}</dd>
</#if>
<#if st.gradedCache??>
    <dt>Graded cache</dt><dd class="graded-cache">${st.gradedCache} (the only Redis cache; none carries the lab's id)</dd>
</#if>
<#if st.appUrl??>
    <dt>App</dt><dd class="app">${st.appUrl}</dd>
</#if>
    <dt>Evidence source</dt><dd class="source">${st.source!"(unknown)"}</dd>
    <dt>Rubric</dt><dd class="rubric">${sheet.rubricId!} ${sheet.rubricVersion!}</dd>
    <dt>Graded at</dt><dd class="graded-at">${sheet.gradedAt!}</dd>
  </dl>
</header>
<main>
<section class="next" id="next-steps">
<h2>What to do next</h2>
<#assign marked = steps?filter(s -> s.marks > 0)>
<#if !marked?has_content>
<#if sheet.withheld?has_content>
<p class="done">Nothing to fix in the shown items: ${sheet.total} of ${sheet.max} shown marks; ${sheet.withheldMarks()} marks are judged later.</p>
<#else>
<p class="done">Nothing to fix: all ${sheet.max} marks earned.</p>
</#if>
</#if>
<#if steps?has_content>
<ol>
<#list steps as step>
  <li id="step-${step?counter}" data-cause="${step.cause.code}" data-marks="${step.marks}"><#if step.marks gt 0><span class="stake">${step.marks} <#if step.marks == 1>mark<#else>marks</#if>:</span><#else><span class="stake">Optional, no marks:</span></#if> ${step.fix} <span class="held">(<#list step.checks as n><span title="${step.titles[n?index]}">${n}</span><#sep>, </#list>)</span></li>
</#list>
</ol>
</#if>
</section>
<@table sheet.items "Marked items"/>
<#if sheet.withheld?has_content>
<h2 id="withheld">Judged later</h2>
<ul class="withheld">
<#list sheet.withheld as w>
  <li data-item="${w.number}" data-max="${w.max}">${w.number}. ${w.title}: ${w.max} <#if w.max == 1>mark<#else>marks</#if><#if w.visibility == "after_deadline">, shown after the deadline</#if></li>
</#list>
</ul>
</#if>
<#if sheet.loop?? && sheet.loop.notRun?has_content>
<ul class="not-run" id="not-run">
<#list sheet.loop.notRun as n>
  <li data-item="${n.number}">${n.number} ${n.title}: not run (check --item); out of the total</li>
</#list>
</ul>
</#if>
<#if sheet.bonus?has_content>
<h2 id="bonus">Extension challenges</h2>
<@table sheet.bonus "Bonus items (marks only when the rubric gives them)"/>
</#if>
<#if sheet.notes?has_content>
<h2>Notes</h2>
<ul class="notes" id="notes">
<#list sheet.notes as note>
  <li>${note}</li>
</#list>
</ul>
</#if>
</main>
<footer>labcheck ${sheet.labcheckVersion!}, scoresheet schema ${sheet.schemaVersion}. Outcomes: passed, partial, failed, unverifiable (the evidence could not be had: no marks, the message says what to grant or where to run from), error (a labcheck bug: no marks, please report it).</footer>
</body>
</html>
