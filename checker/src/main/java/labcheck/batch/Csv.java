package labcheck.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader and writer: quoted fields may hold commas, quotes ({@code ""}) and
 * line breaks; records end with CRLF or LF. A byte-order mark (Excel's "CSV UTF-8") is skipped,
 * and a header separated by ';' or tabs (spreadsheets in many locales) sets the separator.
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

    /** Parses the whole text with {@link #separatorOf} its first line; blank lines between records are skipped. */
    public static List<Record> parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Reader(t, separatorOf(t)).readAll();
    }

    /**
     * ',' unless the first line holds none and a ';' (what a spreadsheet in a locale whose decimal
     * mark is a comma writes) or a tab instead.
     */
    static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf(';') >= 0) {
            return ';';
        }
        return first.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static final class Reader {
        private final String s;
        private final char separator;
        private final List<Record> records = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int i;
        private int line = 1;
        private int recordLine = 1;
        private boolean quoted;
        private boolean afterQuote;
        private boolean started;
        private int recordStart;

        Reader(String s, char separator) {
            this.s = s;
            this.separator = separator;
        }

        List<Record> readAll() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (quoted) {
                    inQuotes(c);
                } else if (c == separator) {
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
                unclosedQuote();
                return readAll();
            }
            endRecord(null);
            return records;
        }

        /**
         * A quote never closed would swallow every later row: the record is reported where it
         * started, and reading resumes on the next physical line, so the students after it are kept.
         */
        private void unclosedQuote() {
            records.add(new Record(records.size() + 1, recordLine, List.of(),
                    "a quoted field opened on line " + recordLine + " is never closed; add the closing quote"));
            int next = s.indexOf('\n', recordStart);
            i = next < 0 ? s.length() : next + 1;
            line = recordLine + 1;
            recordLine = line;
            recordStart = i;
            quoted = false;
            fields.clear();
            field.setLength(0);
            afterQuote = false;
            started = false;
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
            recordStart = i;
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
