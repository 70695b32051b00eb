/** Probes the student's running app over HTTP, Redis and MySQL, bounded in time, into evidence. */
package labcheck.probe;
