package labcheck.batch;

import java.io.PrintWriter;
import java.util.Locale;
import labcheck.report.Marks;
import labcheck.text.Numbers;

/**
 * Reports the batch as it goes: a progress bar redrawn in place on a terminal, one plain log line
 * per student otherwise (CI logs, files), so a log never fills with carriage returns.
 */
public final class Progress {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean bar;
    private int total;
    private int done;
    private int running;
    private int timedOut;
    private int errors;

    public Progress(PrintWriter out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    /** A bar when the JVM runs in an interactive terminal, plain lines otherwise. */
    public static Progress auto(PrintWriter out) {
        return new Progress(out, System.console() != null);
    }

    /** Discards everything; for tests and library use. */
    public static Progress silent() {
        return new Progress(new PrintWriter(PrintWriter.nullWriter()), false);
    }

    synchronized void start(int toGrade, int skipped) {
        total = toGrade;
        out.println("labcheck batch: " + toGrade + " student(s) to grade"
                + (skipped > 0 ? ", " + skipped + " already complete (skipped; --regrade to grade them again)" : "")
                + ".");
        redraw();
    }

    synchronized void started(RosterEntry e) {
        running++;
        redraw();
    }

    synchronized void finished(StudentRecord r) {
        running--;
        done++;
        if (r.status() == Status.TIMED_OUT) {
            timedOut++;
        } else if (r.status() == Status.ERROR) {
            errors++;
        }
        String marks = r.scoresheet() == null ? "-"
                : Marks.format(r.scoresheet().total()) + "/" + Marks.format(r.scoresheet().max());
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s %s (%s)%s", done, total, r.studentId(),
                r.status().label(), marks, Numbers.seconds(r.seconds()), r.message() == null ? "" : ": " + r.message());
        if (bar) {
            if (r.status() == Status.TIMED_OUT || r.status() == Status.ERROR) {
                out.print("\r\033[2K");
                out.println(line);
            }
            redraw();
        } else {
            out.println(line);
            out.flush();
        }
    }

    synchronized void end() {
        if (bar) {
            out.println();
        }
        out.flush();
    }

    private void redraw() {
        if (!bar) {
            return;
        }
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        out.print(String.format(Locale.ROOT, "\r\033[2K[%s%s] %d/%d  running %d  timed out %d  errors %d",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, running, timedOut, errors));
        out.flush();
    }
}
