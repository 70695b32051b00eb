package labcheck.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The scoresheet as JUnit XML ({@code junit.xml}), the format every CI server reads: one
 * {@code <testcase>} per check, its item as {@code classname}, marks and max as properties,
 * and {@code <failure>} (failed or partial), {@code <skipped>} (unverifiable) or
 * {@code <error>} (a labcheck bug) carrying the message and the fix. Written with StAX,
 * so every value is escaped by the XML writer, never by hand.
 *
 * <pre>{@code
 * String xml = JunitXmlReport.toXml(sheet);
 * }</pre>
 */
public final class JunitXmlReport {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private int depth;

    private JunitXmlReport(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The XML text, UTF-8, ending with a newline. */
    public static String toXml(Scoresheet sheet) {
        Scoresheet s = Printable.of(sheet);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            new JunitXmlReport(w).document(s);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write JUnit XML: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private void document(Scoresheet s) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        List<CheckResult> all = checks(s.items());
        all.addAll(checks(s.bonus()));
        start("testsuites");
        xml.writeAttribute("name", "labcheck " + s.rubricId());
        counts(all);
        suite(s.rubricId(), s, s.items(), true);
        if (s.bonus() != null && !s.bonus().isEmpty()) {
            suite(s.rubricId() + ".bonus", s, s.bonus(), false);
        }
        end();
        xml.writeEndDocument();
    }

    private void suite(String name, Scoresheet s, List<ItemResult> items, boolean withSheetProperties)
            throws XMLStreamException {
        start("testsuite");
        xml.writeAttribute("name", name);
        counts(checks(items));
        if (withSheetProperties) {
            properties(sheetProperties(s));
        }
        for (ItemResult item : items) {
            for (CheckResult c : item.checks()) {
                testcase(item, c);
            }
        }
        end();
    }

    private void testcase(ItemResult item, CheckResult c) throws XMLStreamException {
        start("testcase");
        xml.writeAttribute("name", c.id());
        xml.writeAttribute("classname", item.id() == null ? "item " + item.number() : item.id());
        xml.writeAttribute("time", "0");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("number", c.number());
        props.put("title", c.title());
        props.put("item", item.number() + " " + item.title());
        props.put("outcome", c.outcome().name());
        props.put("marks", Marks.format(c.marks()));
        props.put("max", Marks.format(c.max()));
        properties(props);
        String element = switch (c.outcome()) {
            case PASSED -> null;
            case PARTIAL, FAILED -> "failure";
            case UNVERIFIABLE -> "skipped";
            case ERROR -> "error";
        };
        if (element != null) {
            start(element);
            // XML parsers turn a newline in an attribute into a space anyway; say so in the file too
            xml.writeAttribute("message", c.message() == null ? c.outcome().name()
                    : c.message().replaceAll("\\s*\n\\s*", " "));
            if (c.outcome() != Outcome.UNVERIFIABLE) {
                xml.writeAttribute("type", c.outcome().name());
            }
            xml.writeCharacters(body(c));
            xml.writeEndElement();
            depth--;
        }
        if (c.details() != null && !c.details().isBlank()) {
            start("system-out");
            xml.writeCharacters(c.details());
            xml.writeEndElement();
            depth--;
        }
        end();
    }

    private static String body(CheckResult c) {
        StringBuilder sb = new StringBuilder(c.message() == null ? "" : c.message());
        if (c.remediation() != null && !c.remediation().isBlank()) {
            sb.append("\n\nHow to fix: ").append(c.remediation());
        }
        return sb.toString();
    }

    private static Map<String, String> sheetProperties(Scoresheet s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rubric.id", s.rubricId());
        p.put("rubric.version", s.rubricVersion());
        p.put("rubric.title", s.rubricTitle());
        p.put("labcheck.version", s.labcheckVersion());
        p.put("graded.at", s.gradedAt());
        p.put("total", Marks.format(s.total()));
        p.put("max", Marks.format(s.max()));
        Scoresheet.Student st = s.student();
        if (st != null) {
            p.put("student.id", st.studentId());
            p.put("student.name", st.name());
            p.put("account", st.account());
            p.put("region", st.region());
            p.put("cluster.id", st.clusterId());
            p.put("app.url", st.appUrl());
            p.put("source", st.source());
        }
        return p;
    }

    private void properties(Map<String, String> props) throws XMLStreamException {
        start("properties");
        for (var e : props.entrySet()) {
            if (e.getValue() != null) {
                indent();
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", e.getKey());
                xml.writeAttribute("value", e.getValue());
            }
        }
        end();
    }

    private void counts(List<CheckResult> checks) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(checks.size()));
        xml.writeAttribute("failures", count(checks, Outcome.FAILED, Outcome.PARTIAL));
        xml.writeAttribute("errors", count(checks, Outcome.ERROR));
        xml.writeAttribute("skipped", count(checks, Outcome.UNVERIFIABLE));
        xml.writeAttribute("time", "0");
    }

    private static String count(List<CheckResult> checks, Outcome... outcomes) {
        List<Outcome> wanted = List.of(outcomes);
        return Long.toString(checks.stream().filter(c -> wanted.contains(c.outcome())).count());
    }

    private static List<CheckResult> checks(List<ItemResult> items) {
        return items == null ? new ArrayList<>()
                : new ArrayList<>(items.stream().flatMap(i -> i.checks().stream()).toList());
    }

    /** Opens an element on its own indented line; {@link #end()} closes it likewise. */
    private void start(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
