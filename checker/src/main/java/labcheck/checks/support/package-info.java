/** Helpers more than one check area uses: finding the graded cache, routing, port access, remediation texts. */
package labcheck.checks.support;
