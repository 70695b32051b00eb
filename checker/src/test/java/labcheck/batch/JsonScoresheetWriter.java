package labcheck.batch;

import java.io.IOException;
import java.nio.file.Path;
import labcheck.evidence.EvidenceBundle;
import labcheck.report.Scoresheet;

/** Writes scoresheet.json, standing in for the renderers this branch does not have. */
public final class JsonScoresheetWriter implements ScoresheetWriter {
    @Override
    public void write(Scoresheet sheet, Path dir) throws IOException {
        EvidenceBundle.writeAtomically(dir.resolve("scoresheet.json"),
                EvidenceBundle.mapper().writeValueAsString(sheet) + "\n");
    }
}
