package labcheck.cli;

import java.io.PrintWriter;
import labcheck.evidence.SecretGuard;

/**
 * A terminal stream that redacts anything looking like a secret in each piece of text printed:
 * the last defence for stdout and stderr, as {@link SecretGuard#cleaned} is for files.
 *
 * <pre>{@code
 * PrintWriter err = new RedactingWriter(spec.commandLine().getErr());
 * err.println("cannot reach redis://default:hunter2@cache:6379");   // prints redis://[redacted]@cache:6379
 * }</pre>
 */
final class RedactingWriter extends PrintWriter {

    RedactingWriter(PrintWriter target) {
        super(target, true);
    }

    @Override
    public void write(String s, int off, int len) {
        String clean = SecretGuard.redact(s.substring(off, off + len));
        super.write(clean, 0, clean.length());
    }

    @Override
    public void write(char[] buf, int off, int len) {
        String text = new String(buf, off, len);
        String clean = SecretGuard.redact(text);
        if (clean.equals(text)) {
            super.write(buf, off, len);
        } else {
            super.write(clean.toCharArray(), 0, clean.length());
        }
    }
}
