/** Judges' batch mode: roster, bounded parallel grading, resume, shards, marks.csv and the cohort summary. */
package labcheck.batch;
