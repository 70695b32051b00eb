/** Checks on security groups: who may reach the Redis port. Also the shared port-rule logic. */
package labcheck.checks.securitygroup;
