package labcheck.checks.deadline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcheck.engine.Check;
import labcheck.engine.Conditions;
import labcheck.engine.Finding;
import labcheck.engine.Report;
import labcheck.engine.Unverifiable;
import labcheck.evidence.Evidence;
import labcheck.evidence.Fact;
import labcheck.evidence.TrailEvent;
import labcheck.evidence.TrailLookup;
import labcheck.rubric.Thresholds;
import org.junit.jupiter.api.TestReporter;

/**
 * Information item: the lab graded is the lab at the deadline. A resource created after it, or a
 * write CloudTrail recorded on one after it, raises {@link Finding#CHANGED_AFTER_DEADLINE} with the
 * event, time, resource and principal. Marks are the rubric's: 0 by default (flagged only), or
 * {@code thresholds.changedAfterDeadlineDeduction} taken off the total.
 */
public class DeadlineChecks {

    /** Changes spelt out on the sheet; scoresheet.json's findingDetails lists every one. */
    static final int MAX_LINES = 10;

    static final String FIX = "Fix: nothing to change in the lab now; the judges decide whether the change counts"
            + " (their rubric may deduct marks for it), on the AWS evidence collected at the deadline where they"
            + " kept it.";

    @Check(id = "cloudtrail_lab_unchanged_after_deadline",
            title = "Nothing in the lab was created or changed after the deadline",
            remediation = "Nothing to change in the lab after the deadline: the judges decide whether a change"
                    + " counts, and their rubric may deduct marks for it. Before a deadline, finish every change"
                    + " to the cache, its subnet group, the security groups, the instance, the database, the"
                    + " subnets and the route tables in time.")
    void unchangedAfterDeadline(Evidence evidence, Thresholds thresholds, TestReporter reporter) {
        Instant deadline = deadline(evidence);
        String at = evidence.deadline();
        Fact<TrailLookup> trail = evidence.cloudTrail();
        TrailLookup lookup = trail != null && trail.available() ? trail.value() : null;
        List<String> changes = new ArrayList<>();
        for (Creation c : Creation.of(evidence)) {
            if (c.time().isAfter(deadline)) {
                Finding.CHANGED_AFTER_DEADLINE.raise(reporter, facts(c.field().equals("LaunchTime") ? "started"
                        : "created", c.time().toString(), c.kind() + " " + c.id(), null));
                changes.add(c.describe() + ", after the deadline " + at + "; the lab graded is not the lab as it"
                        + " was then. " + FIX);
            }
        }
        for (TrailEvent e : lookup == null ? List.<TrailEvent>of() : lookup.events()) {
            Finding.CHANGED_AFTER_DEADLINE.raise(reporter, facts(e.eventName(), e.eventTime(),
                    e.resourceType() + " " + e.resourceName(), e.principal()));
            changes.add(e.resourceType() + " " + e.resourceName() + " was changed after the deadline " + at + ": "
                    + e.eventName() + " at " + e.eventTime() + " by " + (e.principal() == null ? "an unnamed"
                    + " principal" : e.principal()) + (e.eventId() == null ? "" : " (CloudTrail event "
                    + e.eventId() + ")") + "; the lab graded may not be the lab as it was then. " + FIX);
        }
        if (!changes.isEmpty()) {
            Conditions conditions = new Conditions();
            changes.stream().limit(MAX_LINES).forEach(conditions::fail);
            if (changes.size() > MAX_LINES) {
                conditions.fail("And " + (changes.size() - MAX_LINES) + " more change(s) after the deadline " + at
                        + "; scoresheet.json lists every one under findingDetails. " + FIX);
            }
            Report.details(reporter, lookup != null ? caveats(lookup) : "CloudTrail could not be read, so changes"
                    + " other than these are unknown: " + (trail == null ? "this evidence was collected without it."
                    : trail.unavailable().describe()));
            conditions.verify();
        }
        if (lookup == null) {
            throw new Unverifiable("Every resource of the lab was created before the deadline " + at + ", but"
                    + " CloudTrail's event history could not be read, so changes after it are unknown: "
                    + (trail == null ? "this evidence was collected without it." : trail.unavailable().describe()),
                    trail == null ? null : trail.unavailable().howToVerify());
        }
        if (lookup.resources().isEmpty()) {
            throw new Unverifiable("The AWS evidence names no resource of the lab, so CloudTrail's events could not"
                    + " be matched to it; see why the cache and its network were not found.");
        }
        if (lookup.truncation() != null) {
            throw new Unverifiable(lookup.truncation() + " No change to the lab was found in what was read.",
                    "Look for the rest in the CloudTrail console (Event history, filtered by each resource name"
                            + " the evidence lists), or run labcheck again.");
        }
        Report.details(reporter, caveats(lookup));
        Report.passed(reporter, "No resource of the lab was created after the deadline " + at + ", and CloudTrail"
                + " lists no write to its " + lookup.resources().size() + " resources between the deadline and "
                + lookup.to() + ".");
    }

    /** The deadline of the evidence, or why the check cannot be judged without one. */
    private static Instant deadline(Evidence evidence) {
        if (evidence.deadline() == null) {
            throw new Unverifiable("No deadline was given, so labcheck did not look for changes after one.",
                    "Give --deadline TIME (ISO-8601 with a zone, e.g. 2026-12-05T17:00:00Z) to labcheck check,"
                            + " collect or batch, then run it again.");
        }
        try {
            return OffsetDateTime.parse(evidence.deadline()).toInstant();
        } catch (DateTimeException e) {
            throw new Unverifiable("The evidence's deadline '" + evidence.deadline() + "' is not an ISO-8601 time"
                    + " with a zone, such as 2026-12-05T17:00:00Z; was the bundle edited?",
                    "Collect again with --deadline TIME.");
        }
    }

    private static Map<String, String> facts(String event, String time, String resource, String principal) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("event", event);
        facts.put("time", time);
        facts.put("resource", resource);
        facts.put("principal", principal);
        return facts;
    }

    /** What the lookup could not see: events not yet listed, events not read. */
    private static String caveats(TrailLookup lookup) {
        List<String> lines = new ArrayList<>();
        lines.add("CloudTrail read from " + lookup.from() + " to " + lookup.to() + ": " + lookup.eventsRead()
                + " write event(s) in the account, " + lookup.events().size() + " on the lab's resources ("
                + String.join(", ", lookup.resources()) + ").");
        if (lookup.deliveryCaveat() != null) {
            lines.add(lookup.deliveryCaveat());
        }
        if (lookup.truncation() != null) {
            lines.add(lookup.truncation());
        }
        return String.join("\n", lines);
    }
}
