package labcheck.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader and writer: quoted fields may hold commas, quotes ({@code ""}) and
 * line breaks; records end with CRLF or LF. A byte-order mark (Excel's "CSV UTF-8") is skipped.
 * Written by hand because the roster is tiny and the whole format is a page of the RFC.
 *
 * <pre>{@code
 * List<Csv.Record> records = Csv.parse(text);   // record 1 is the header
 * String line = Csv.line(List.of("s01", "Ann, B."));  // s01,"Ann, B."
 * }</pre>
 */
public final class Csv {

    /**
     * One record: its 1-based number in the file (header = 1), the line it starts on, its fields,
     * and why it is malformed (null when it is not). A malformed record is reported and skipped;
     * reading goes on at the next line, so one bad row never hides the others.
     */
    public record Record(int number, int line, List<String> fields, String error) {
        public boolean malformed() {
            return error != null;
        }
    }

    private Csv() {
    }

    /** Parses the whole text; blank lines between records are skipped. */
    public static List<Record> parse(String text) {
        return new Reader(text.startsWith("\uFEFF") ? text.substring(1) : text).readAll();
    }

    private static final class Reader {
        private final String s;
        private final List<Record> records = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int i;
        private int line = 1;
        private int recordLine = 1;
        private boolean quoted;
        private boolean afterQuote;
        private boolean started;

        Reader(String s) {
            this.s = s;
        }

        List<Record> readAll() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quoted) {
                    inQuotes(c);
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    started = true;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    endRecord(null);
                    skipLineBreak();
                } else if (c == '"' && (field.length() > 0 || afterQuote)) {
                    malformed("a quote inside an unquoted field; quote the whole field and double "
                            + "the inner quotes (\"\"), as RFC 4180 says");
                } else if (c == '"') {
                    quoted = true;
                    started = true;
                    i++;
                } else if (afterQuote) {
                    malformed("text after a closing quote; a quoted field must end right before "
                            + "a comma or the end of the line");
                } else {
                    field.append(c);
                    started = true;
                    i++;
                }
            }
            if (quoted) {
                records.add(new Record(records.size() + 1, recordLine, List.of(),
                        "a quoted field opened on line " + recordLine + " is never closed; add the closing quote"));
            } else {
                endRecord(null);
            }
            return records;
        }

        private void inQuotes(char c) {
            if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                return;
            }
            if (c == '"') {
                quoted = false;
                afterQuote = true;
            } else {
                if (c == '\n') {
                    line++;
                }
                field.append(c);
            }
            i++;
        }

        /** Records the error, then drops the rest of the physical line to resynchronise. */
        private void malformed(String why) {
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            started = true;
            endRecord(why);
            skipLineBreak();
        }

        private void skipLineBreak() {
            if (i < s.length() && s.charAt(i) == '\r') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '\n') {
                i++;
            }
            line++;
            recordLine = line;
        }

        private void endRecord(String error) {
            if (started || field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                records.add(new Record(records.size() + 1, recordLine,
                        error == null ? List.copyOf(fields) : List.of(), error));
            }
            fields.clear();
            field.setLength(0);
            afterQuote = false;
            started = false;
        }
    }

    /** One CSV line (no line break), quoting only the fields that need it. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        return out.toString();
    }

    static String quote(String field) {
        String f = field == null ? "" : field;
        boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                || f.indexOf('\r') >= 0 || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '));
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }
}
