/** The lab at the deadline: whether anything in it was created or changed after {@code --deadline}. */
package labcheck.checks.deadline;
