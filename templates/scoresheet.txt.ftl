<#-- labcheck scoresheet, plain text for a terminal and scoresheet.txt.
     Colour only through ${c.*}, which are empty strings unless colour was asked for. -->
<#assign st = sheet.student!{}>
<#assign tone = {"PASSED": c.green, "PARTIAL": c.yellow, "FAILED": c.red, "UNVERIFIABLE": c.magenta, "ERROR": c.red}>
<#assign pad = "         ">
<#function frac got max><#return (got + " / " + max)></#function>
<#macro item item>
${c.bold}${item.number?left_pad(2)}  ${item.title?right_pad(52)} ${frac(item.marks, item.max)?left_pad(9)}${c.reset}  ${tone[item.status]}${item.status}${c.reset}
<#list item.checks as check>
    ${check.number?right_pad(6)}${tone[check.outcome]}${check.outcome?right_pad(12)}${c.reset}${frac(check.marks, check.max)?left_pad(7)}  ${check.title}<#if check.title != check.id> ${c.dim}(${check.id})${c.reset}</#if>
<#if check.message?has_content && check.outcome != "PASSED">
${pad}${check.message?replace("\n", "\n" + pad)}
</#if>
<#if check.remediation?has_content && check.outcome != "PASSED">
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
<#if sheet.loop?? && sheet.loop.sinceLastRun?has_content>

${c.bold}Since the last run:${c.reset} ${sheet.loop.sinceLastRun?join("; ")}
</#if>

<#list sheet.items as i>
<@item i/>
</#list>
<#if sheet.loop??>
<#list sheet.loop.notRun as n>
${n.number?left_pad(2)}  ${n.title?right_pad(52)} ${"-"?left_pad(9)}  ${c.dim}not run${c.reset}
</#list>
</#if>

${c.bold}TOTAL  ${frac(sheet.total, sheet.max)} marks${c.reset}
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
