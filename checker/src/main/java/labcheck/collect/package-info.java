/** Read-only AWS collection (STS, ElastiCache, EC2, RDS, CloudWatch) into the evidence model. */
package labcheck.collect;
