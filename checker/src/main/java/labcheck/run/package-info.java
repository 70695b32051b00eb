/** One student's live run for check, batch and demo: planned (AWS endpoints, SSH forwards), collected, probed. */
package labcheck.run;
