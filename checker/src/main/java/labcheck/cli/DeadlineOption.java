package labcheck.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --deadline TIME}, shared by {@code check}, {@code collect} and {@code batch}: the lab's
 * deadline, ISO-8601 with its zone. With it the evidence records the deadline and CloudTrail's writes
 * on the lab after it; a time without a zone is refused, since 17:00 in which zone decides marks.
 *
 * <pre>{@code
 * labcheck batch roster.csv --deadline 2026-12-05T17:00:00Z
 * labcheck check --profile s42 --deadline 2026-12-05T18:00:00+01:00
 * }</pre>
 */
public final class DeadlineOption {

    @Option(names = "--deadline", paramLabel = "TIME", converter = Converter.class,
            description = "The lab's deadline, ISO-8601 with its zone (e.g. 2026-12-05T17:00:00Z or"
                    + " 2026-12-05T18:00:00+01:00): flags every resource created, and every write CloudTrail lists"
                    + " (cloudtrail:LookupEvents), after it.")
    String deadline;

    /** The deadline as ISO-8601 with its offset, seconds included, or null when none was given. */
    String value() {
        return deadline;
    }

    /** Parses ISO-8601 with a zone; anything else is a usage error naming the fix. */
    static final class Converter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            try {
                return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeException notWithZone) {
                throw new CommandLine.TypeConversionException(why(v));
            }
        }

        private static String why(String v) {
            String example = "e.g. 2026-12-05T17:00:00Z (UTC) or 2026-12-05T18:00:00+01:00";
            if (parses(() -> LocalDateTime.parse(v))) {
                return "'" + v + "' has no time zone, so it is ambiguous (" + v.substring(11) + " where?). Fix: add"
                        + " the zone, " + example + ".";
            }
            if (parses(() -> LocalDate.parse(v))) {
                return "'" + v + "' is a date without a time and a zone. Fix: give the moment, " + example + ".";
            }
            return "'" + v + "' is not an ISO-8601 time with a zone. Fix: write it as " + example + ".";
        }

        private static boolean parses(Runnable parse) {
            try {
                parse.run();
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
