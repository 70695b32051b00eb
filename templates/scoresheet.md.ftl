<#-- labcheck scoresheet, Markdown (CommonMark/GFM). Auto-escaped by labcheck's Markdown output
     format: every ${...} is escaped; ?no_esc only for the indented code block of details. -->
<#assign st = sheet.student!{}>
<#macro cell text>${text?replace("\n", " ")}</#macro>
<#macro item item>
## ${item.number}. ${item.title}: ${item.marks} / ${item.max} (${item.status})

<#list item.checks as check>
### ${check.number} ${check.title}: ${check.outcome}, ${check.marks} / ${check.max}

Check id: ${check.id}

<#if check.message?has_content>
${check.message}

</#if>
<#if check.outcome != "PASSED" && stepOf[check.number]??>
**How to fix:** step ${stepOf[check.number]} of What to do next.

<#elseif check.remediation?has_content && check.outcome != "PASSED">
**How to fix:** ${check.remediation}

</#if>
<#if sheet.loop?? && sheet.loop.hints[check.id]??>
**Hint:** ${sheet.loop.hints[check.id]}

</#if>
<#if check.details?has_content>
Details:

${check.details?replace("^", "    ", "rm")?no_esc}

</#if>
</#list>
</#macro>
# ${sheet.rubricTitle!sheet.rubricId}: scoresheet

<#if (st.source!"") == "sample account">
> **Sample account:** graded from the sample account, not a student's own AWS account; these marks illustrate labcheck and belong to no one.

</#if>
<#if sheet.withheld?has_content>
**Total: ${sheet.total} of ${sheet.max} shown marks; ${sheet.withheldMarks()} marks are judged later**
<#else>
**Total: ${sheet.total} / ${sheet.max} marks**
</#if>
<#if sheet.loop?? && sheet.loop.sinceLastRun?has_content>

**Since the last run:** ${sheet.loop.sinceLastRun?join("; ")}
</#if>

## What to do next

<#assign marked = steps?filter(s -> s.marks > 0)>
<#if !marked?has_content>
<#if sheet.withheld?has_content>
Nothing to fix in the shown items: ${sheet.total} of ${sheet.max} shown marks; ${sheet.withheldMarks()} marks are judged later.
<#else>
Nothing to fix: all ${sheet.max} marks earned.
</#if>

</#if>
<#list steps as step>
${step?counter}. <#if step.marks gt 0>**${step.marks} <#if step.marks == 1>mark<#else>marks</#if>:**<#else>Optional, no marks:</#if> <@cell step.fix/> (<#if step.checks?size == 1>${step.checks[0]} <@cell step.titles[0]/><#else>checks ${step.checks?join(", ")}</#if>)
</#list>
<#if steps?has_content>

</#if>

| Field | Value |
|---|---|
| Student | <@cell st.name!"(no name)"/><#if st.studentId??> (<@cell st.studentId/>)</#if> |
| AWS account | <@cell st.account!"(unknown)"/> |
| Region | <@cell st.region!"(unknown)"/> |
<#if st.clusterId??>
| Cluster | <@cell st.clusterId/> |
</#if>
<#if st.gradedCache??>
| Graded cache | <@cell st.gradedCache + " (the only Redis cache; none carries the lab's id)"/> |
</#if>
<#if st.appUrl??>
| App | <@cell st.appUrl/> |
</#if>
| Evidence source | <@cell st.source!"(unknown)"/> |
| Rubric | <@cell (sheet.rubricId!"") + " " + (sheet.rubricVersion!"")/> |
| Graded at | <@cell sheet.gradedAt!""/> |
| labcheck | <@cell sheet.labcheckVersion!""/> |

## Marks

| # | Item | Marks | Status |
|---|---|---:|---|
<#list sheet.items as item>
| ${item.number} | <@cell item.title/> | ${item.marks} / ${item.max} | ${item.status} |
</#list>
<#if sheet.loop??>
<#list sheet.loop.notRun as n>
| ${n.number} | <@cell n.title/> | - | not run |
</#list>
</#if>
| | **Total** | **${sheet.total} / ${sheet.max}** | |
<#list sheet.withheld as w>
| ${w.number} | <@cell w.title/> | ${w.max} | judged later |
</#list>
<#if sheet.bonus?has_content>

Extension challenges (marks only when the rubric gives them):

| # | Item | Marks | Status |
|---|---|---:|---|
<#list sheet.bonus as item>
| ${item.number} | <@cell item.title/> | ${item.marks} / ${item.max} | ${item.status} |
</#list>
</#if>

<#list sheet.items as i>
<@item i/>
</#list>
<#if sheet.bonus?has_content>
<#list sheet.bonus as i>
<@item i/>
</#list>
</#if>
<#if sheet.notes?has_content>
## Notes

<#list sheet.notes as note>
- ${note}
</#list>

</#if>
---
Outcomes: PASSED and PARTIAL earn marks; FAILED says what to fix; UNVERIFIABLE means the evidence could not be had (no marks; the message says what to grant or where to run from); ERROR is a labcheck bug (no marks; please report it).
