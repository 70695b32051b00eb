/** Connections to MySQL and Redis, and the servers started for {@code --embedded} and tests. */
package labapp.backends;
