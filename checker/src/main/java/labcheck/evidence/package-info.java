/** The immutable evidence a check may read, shaped after the AWS APIs and probes it comes from. */
package labcheck.evidence;
