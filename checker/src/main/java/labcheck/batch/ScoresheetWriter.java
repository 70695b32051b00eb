package labcheck.batch;

import java.io.IOException;
import java.nio.file.Path;
import labcheck.report.Scoresheet;

/**
 * Writes every scoresheet format of one student into a directory; in production
 * {@code (sheet, dir) -> Reports.withTemplates(templates).writeAll(sheet, dir)}.
 * The directory is a private staging directory, renamed into place only when complete.
 */
@FunctionalInterface
public interface ScoresheetWriter {
    void write(Scoresheet sheet, Path dir) throws IOException;
}
