/** Checks on the ElastiCache cluster itself: found, available, node type, engine, size. */
package labcheck.checks.cluster;
