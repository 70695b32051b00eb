package labcheck.report;

import java.util.List;

/**
 * Makes every string of a scoresheet safe to print: control characters (other than newline
 * and tab) and bidirectional overrides become visible {@code \u001B}-style text.
 *
 * <p>Why: messages quote what the student's app and AWS account returned. An escape
 * sequence there could recolour or rewrite a judge's terminal, a raw control character makes
 * the JUnit XML invalid (XML 1.0 forbids them even when escaped), and a bidi override could make
 * a line read differently from what it says. The JSON scoresheet keeps the original text.
 *
 * <p>It also names what has no title (by its id) and treats absent check lists as empty, so
 * templates and writers need no null checks for those.
 */
final class Printable {

    private Printable() {
    }

    static Scoresheet of(Scoresheet s) {
        Scoresheet.Student st = s.student();
        Scoresheet.Student student = st == null ? null : new Scoresheet.Student(text(st.studentId()),
                text(st.name()), text(st.account()), text(st.region()), text(st.clusterId()),
                text(st.appUrl()), text(st.source()), text(st.gradedCache()));
        List<String> notes = s.notes() == null ? null : s.notes().stream().map(Printable::text).toList();
        return new Scoresheet(s.schemaVersion(), text(s.labcheckVersion()), text(s.rubricId()),
                text(s.rubricVersion()), text(firstOf(s.rubricTitle(), s.rubricId(), "labcheck")), student,
                text(s.gradedAt()), s.total(), s.max(), items(s.items()), items(s.bonus()), notes);
    }

    private static List<ItemResult> items(List<ItemResult> items) {
        if (items == null) {
            return null;
        }
        return items.stream().map(i -> new ItemResult(text(i.number()), text(i.id()),
                text(firstOf(i.title(), i.id(), "Item " + i.number())), i.marks(), i.max(), i.status(),
                i.checks() == null ? List.of() : i.checks().stream().map(Printable::check).toList()))
                .toList();
    }

    /** A check without a title is shown by its id, so every renderer has a name to print. */
    private static CheckResult check(CheckResult c) {
        return new CheckResult(text(c.number()), text(c.id()), text(firstOf(c.title(), c.id(), "check " + c.number())),
                c.marks(), c.max(), c.outcome(), text(c.message()), text(c.remediation()), text(c.details()),
                c.findings().stream().map(Printable::text).toList(), c.findingDetails().stream()
                        .map(d -> new FindingDetail(text(d.id()), printable(d.fields()))).toList());
    }

    private static java.util.Map<String, String> printable(java.util.Map<String, String> fields) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        fields.forEach((k, v) -> out.put(text(k), text(v)));
        return out;
    }

    private static String firstOf(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** The text with CRLF as LF and every other unprintable character spelled out. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String in = s.replace("\r\n", "\n");
        StringBuilder sb = null;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(in.charAt(i + 1));
                }
                i++;
            } else if (unprintable(c)) {
                if (sb == null) {
                    sb = new StringBuilder(in.length() + 16).append(in, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? in : sb.toString();
    }

    private static boolean unprintable(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF'
                // a surrogate reaching here is unpaired: not a character, not encodable in UTF-8 or XML
                || Character.isSurrogate(c);
    }
}
