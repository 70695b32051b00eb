/** A student's runs, one line each (outcome and marks per check, nothing else): what changed since the last run. */
package labcheck.history;
