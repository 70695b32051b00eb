package labcheck.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One write event CloudTrail recorded on a lab resource (LookupEvents, ReadOnly=false). Only what a
 * judge needs is kept: never the access key id, the source address or the request's parameters.
 *
 * @param eventTime    when it happened, an ISO-8601 instant
 * @param eventName    the API action, e.g. {@code AuthorizeSecurityGroupIngress}
 * @param eventSource  the service, e.g. {@code ec2.amazonaws.com}
 * @param resourceType what the resource is, as the lab's resources are named, e.g. {@code EC2 security group}
 * @param resourceName the lab resource it touched, e.g. {@code sg-0redis}
 * @param principal    who made it: the caller's ARN, else CloudTrail's user name
 * @param eventId      CloudTrail's id of the event, to find it in the console
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrailEvent(String eventTime, String eventName, String eventSource, String resourceType,
                         String resourceName, String principal, String eventId) {

    /** "EC2 security group sg-0redis: AuthorizeSecurityGroupIngress at 2026-12-05T18:02:11Z by arn:...". */
    public String describe() {
        return resourceType + " " + resourceName + ": " + eventName + " at " + eventTime + " by "
                + (principal == null ? "an unnamed principal" : principal);
    }
}
