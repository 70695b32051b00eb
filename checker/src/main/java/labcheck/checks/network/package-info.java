/** Checks on subnets and routing: the cache sits in private subnets. Also the shared route logic. */
package labcheck.checks.network;
