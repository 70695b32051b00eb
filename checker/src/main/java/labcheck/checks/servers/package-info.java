/** Checks that the Redis and MySQL the probe reached at the AWS endpoints are the ones AWS describes (information). */
package labcheck.checks.servers;
