/** Settings from flags and environment: where the database and Redis are, ports, TTL, timeouts. */
package labapp.config;
