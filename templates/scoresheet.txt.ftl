<#-- labcheck scoresheet, plain text for a terminal and scoresheet.txt.
     Colour only through ${c.*}, which are empty strings unless colour was asked for.
     Columns are as wide as cols (TextColumns) says, measured on this sheet, so every row lines up. -->
<#assign st = sheet.student!{}>
<#assign tone = {"PASSED": c.green, "PARTIAL": c.yellow, "FAILED": c.red, "UNVERIFIABLE": c.magenta, "ERROR": c.red}>
<#assign indent = ""?right_pad(2)>
<#assign pad = ""?right_pad(cols.number + cols.got + cols.max + cols.status + 9)>
<#function marks got max><#return ("" + got)?left_pad(cols.got) + " / " + ("" + max)?right_pad(cols.max)></#function>
<#function count n><#return n + (n == 1)?then(" mark", " marks")></#function>
<#macro item item>
${c.bold}${item.number?right_pad(cols.number)}  ${marks(item.marks, item.max)}  ${c.reset}${tone[item.status]}${item.status?right_pad(cols.status)}${c.reset}  ${c.bold}${item.title}${c.reset}
<#list item.checks as check>
${(indent + check.number)?right_pad(cols.number)}  ${marks(check.marks, check.max)}  ${tone[check.outcome]}${check.outcome?right_pad(cols.status)}${c.reset}  ${check.title}<#if check.title != check.id> ${c.dim}(${check.id})${c.reset}</#if>
<#if check.message?has_content && check.outcome != "PASSED">
${pad}${check.message?replace("\n", "\n" + pad)}
</#if>
<#if check.outcome != "PASSED" && stepOf[check.number]??>
${pad}${c.cyan}Fix:${c.reset} step ${stepOf[check.number]} of What to do next.
<#elseif check.remediation?has_content && check.outcome != "PASSED">
${pad}${c.cyan}Fix:${c.reset} ${check.remediation?replace("\n", "\n" + pad)}
</#if>
<#if check.details?has_content && check.outcome != "PASSED">
${pad}${c.dim}| ${check.details?replace("\n", "\n" + pad + "| ")}${c.reset}
</#if>
<#if sheet.loop?? && sheet.loop.hints[check.id]??>
${pad}${c.cyan}Hint:${c.reset} ${sheet.loop.hints[check.id]?replace("\n", "\n" + pad)}
</#if>
</#list>
</#macro>
<#macro total>
<#if sheet.withheld?has_content>
${sheet.total} of ${sheet.max} shown marks; ${sheet.withheldMarks()} marks are judged later<#t>
<#else>
${sheet.total} / ${sheet.max} marks<#t>
</#if>
</#macro>
${c.bold}${sheet.rubricTitle!sheet.rubricId}: scoresheet${c.reset}
<#if (st.source!"") == "sample account">
${c.yellow}SAMPLE ACCOUNT: graded from the sample account, not a student's own AWS account;
these marks illustrate labcheck and belong to no one.${c.reset}
</#if>

Student    ${st.name!"(no name)"}<#if st.studentId??> (${st.studentId})</#if>
Account    ${st.account!"(unknown)"}   Region ${st.region!"(unknown)"}
<#if st.clusterId??>
Cluster    ${st.clusterId}
</#if>
<#if st.gradedCache??>
Graded     ${st.gradedCache} (the only Redis cache; none carries the lab's id)
</#if>
<#if st.appUrl??>
App        ${st.appUrl}
</#if>
Source     ${st.source!"(unknown)"}
Rubric     ${sheet.rubricId!} ${sheet.rubricVersion!}   labcheck ${sheet.labcheckVersion!}
Graded at  ${sheet.gradedAt!}
Total      <@total/>
<#if sheet.loop?? && sheet.loop.sinceLastRun?has_content>

${c.bold}Since the last run:${c.reset} ${sheet.loop.sinceLastRun?join("; ")}
</#if>

${c.bold}What to do next${c.reset}
<#assign marked = steps?filter(s -> s.marks > 0)>
<#if !marked?has_content>
<#if sheet.withheld?has_content>
  Nothing to fix in the shown items: <@total/>.
<#else>
  Nothing to fix: all ${sheet.max} marks earned.
</#if>
</#if>
<#list steps as step>
<#if step?index == marked?size>
  Optional, no marks:
</#if>
  ${step?counter}. <#if step.marks gt 0>${c.bold}[${count(step.marks)}]${c.reset} </#if>${step.fix} ${c.dim}(<#if step.checks?size == 1>${step.checks[0]} ${step.titles[0]}<#else>checks ${step.checks?join(", ")}</#if>)${c.reset}
</#list>

${c.bold}${"#"?right_pad(cols.number)}  ${"Marks"?right_pad(cols.got + cols.max + 3)}  ${"Status"?right_pad(cols.status)}  Item and checks${c.reset}
<#list sheet.items as i>
<@item i/>
</#list>
<#if sheet.loop??>
<#list sheet.loop.notRun as n>
${n.number?right_pad(cols.number)}  ${"-"?left_pad(cols.got + cols.max + 3)}  ${c.dim}${"not run"?right_pad(cols.status)}${c.reset}  ${n.title}
</#list>
</#if>

${c.bold}TOTAL  <@total/>${c.reset}
<#if sheet.withheld?has_content>

Judged later (not shown here)
<#list sheet.withheld as w>
${w.number?right_pad(cols.number)}  ${("" + w.max)?left_pad(cols.got + cols.max + 3)}  ${w.title}<#if w.visibility == "after_deadline"> (shown after the deadline)</#if>
</#list>
</#if>
<#if sheet.bonus?has_content>

${c.bold}Extension challenges${c.reset} (marks only when the rubric gives them)
<#list sheet.bonus as i>
<@item i/>
</#list>
</#if>
<#if sheet.notes?has_content>

Notes
<#list sheet.notes as note>
  - ${note?replace("\n", "\n    ")}
</#list>
</#if>
