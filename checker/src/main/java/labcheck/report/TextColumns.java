package labcheck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The widths of the text sheet's columns, measured on the sheet itself, so every row lines up
 * whatever its numbers, marks and statuses are ({@code B10.12}, {@code 0.25 / 0.75}, {@code UNVERIFIABLE}).
 * A check's number is indented by {@link #INDENT} under its item's.
 *
 * <pre>{@code
 * TextColumns cols = TextColumns.of(sheet);
 * cols.number();   // the widest item number, or check number with its indent
 * }</pre>
 *
 * @param number the number column (item "1", check "  1.1")
 * @param got    the marks earned, right-aligned, before " / "
 * @param max    the marks available, left-aligned, after " / "
 * @param status the widest outcome's name
 */
public record TextColumns(int number, int got, int max, int status) {

    /** How far a check's number sits right of its item's. */
    public static final int INDENT = 2;

    /** The widths this sheet's items and checks need. */
    public static TextColumns of(Scoresheet sheet) {
        List<ItemResult> all = new ArrayList<>(sheet.items() == null ? List.of() : sheet.items());
        if (sheet.bonus() != null) {
            all.addAll(sheet.bonus());
        }
        int number = 1;
        int got = 1;
        int max = 1;
        for (ItemResult item : all) {
            number = Math.max(number, length(item.number()));
            got = Math.max(got, Marks.format(item.marks()).length());
            max = Math.max(max, Marks.format(item.max()).length());
            for (CheckResult c : item.checks() == null ? List.<CheckResult>of() : item.checks()) {
                number = Math.max(number, INDENT + length(c.number()));
                got = Math.max(got, Marks.format(c.marks()).length());
                max = Math.max(max, Marks.format(c.max()).length());
            }
        }
        int status = 0;
        for (Outcome o : Outcome.values()) {
            status = Math.max(status, o.name().length());
        }
        return new TextColumns(number, got, max, status);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
