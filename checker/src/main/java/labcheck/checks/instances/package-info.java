/** Checks on the app's EC2 instance and the RDS database (information items of the rubric). */
package labcheck.checks.instances;
