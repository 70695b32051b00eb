/** Evidence from probing the student's running app over HTTP, Redis and MySQL. */
package labcheck.evidence.app;
