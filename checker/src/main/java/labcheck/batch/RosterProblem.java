package labcheck.batch;

/**
 * A roster row that was not graded, and why.
 *
 * @param row       the row (CSV: spreadsheet row, header = 1; YAML: entry number); 0 for the whole file
 * @param studentId the row's student id when it had a usable one, else null
 * @param reason    one sentence saying what is wrong and how to fix it, ending with a period
 */
public record RosterProblem(int row, String studentId, String reason) {

    /** "row 7 (s07): ..." as a judge reads it. */
    public String describe() {
        String where = row == 0 ? "roster" : "row " + row;
        return where + (studentId == null ? "" : " (" + studentId + ")") + ": " + reason;
    }
}
