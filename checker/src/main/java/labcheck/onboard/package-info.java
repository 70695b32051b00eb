/** The grading role a student deploys in one step: its CloudFormation template and what to send back. */
package labcheck.onboard;
