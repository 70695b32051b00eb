/** One student's live run: collect from AWS, probe the app, ready to grade; shared by check, batch and demo. */
package labcheck.run;
