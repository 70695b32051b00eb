/** Checks on the running app (rubric items 3 to 7 and the extension bonuses), read from the probe's evidence. */
package labcheck.checks.app;
