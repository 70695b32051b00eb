/** Products: the JDBC repository, the Redis cache, lazy loading, seed data and cache warming. */
package labapp.product;
