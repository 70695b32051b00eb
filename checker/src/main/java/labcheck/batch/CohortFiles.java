package labcheck.batch;

import java.io.IOException;
import java.nio.file.Path;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;
import labcheck.report.Reports;
import labcheck.seal.Seal;

/**
 * Writes {@code marks.csv} and {@code summary.html} beside the student directories, each atomically,
 * then seals the cohort: its {@code MANIFEST.sha256} lists those two files and each student's manifest
 * (a manifest of manifests), signed with {@code --sign KEY}.
 *
 * <pre>{@code
 * new CohortFiles(null).write(cohort, Path.of("results"));   // null: the templates shipped in the jar
 * }</pre>
 */
public final class CohortFiles {

    public static final String MARKS = "marks.csv";
    public static final String SUMMARY = "summary.html";
    static final String TEMPLATE = "summary.html.ftl";

    private final Path templates;
    private final Seal seal;

    /** @param templates a directory whose {@code summary.html.ftl} overrides the shipped one, or null */
    public CohortFiles(Path templates) {
        this(templates, Seal.UNSIGNED);
    }

    /** @param seal how the cohort folder is sealed (signed with {@code --sign KEY}) */
    public CohortFiles(Path templates, Seal seal) {
        this.templates = templates;
        this.seal = seal;
    }

    /**
     * The summary template parsed now, so an override's syntax error stops the run before any student
     * is graded ({@link labcheck.report.TemplateError}: file, line, fix) rather than after the last.
     */
    public CohortFiles compiled() {
        Reports.withTemplates(templates).compile(TEMPLATE);
        return this;
    }

    public void write(Cohort cohort, Path root) throws IOException {
        String marks = SecretGuard.cleaned(cohort.marksCsv(), MARKS);
        String html = SecretGuard.cleaned(render(cohort), SUMMARY);
        EvidenceBundle.writeAtomically(root.resolve(MARKS), marks);
        EvidenceBundle.writeAtomically(root.resolve(SUMMARY), html);
        seal.apply(root);
    }

    /** The summary, through the scoresheets' locked-down FreeMarker configuration (no Execute, no ?new, escaped). */
    String render(Cohort cohort) {
        return Reports.withTemplates(templates).render(TEMPLATE, SummaryModel.of(cohort));
    }
}
