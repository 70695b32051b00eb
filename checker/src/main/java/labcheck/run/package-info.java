/** One student's live run, planned here (endpoints from AWS, targets over SSH forwards): collect from AWS, probe the app, ready to grade; shared by check, batch and demo. */
package labcheck.run;
