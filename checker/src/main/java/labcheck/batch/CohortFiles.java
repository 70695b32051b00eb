package labcheck.batch;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;

/**
 * Writes {@code marks.csv} and {@code summary.html} beside the student directories, each atomically.
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

    /** @param templates a directory whose {@code summary.html.ftl} overrides the shipped one, or null */
    public CohortFiles(Path templates) {
        this.templates = templates;
    }

    public void write(Cohort cohort, Path root) throws IOException {
        String marks = SecretGuard.cleaned(cohort.marksCsv(), MARKS);
        String html = SecretGuard.cleaned(render(cohort), SUMMARY);
        EvidenceBundle.writeAtomically(root.resolve(MARKS), marks);
        EvidenceBundle.writeAtomically(root.resolve(SUMMARY), html);
    }

    String render(Cohort cohort) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        TemplateLoader shipped = new ClassTemplateLoader(CohortFiles.class, "/templates");
        cfg.setTemplateLoader(templates != null && Files.isRegularFile(templates.resolve(TEMPLATE))
                ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templates.toFile()), shipped})
                : shipped);
        Template template = cfg.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        try {
            template.process(SummaryModel.of(cohort), out);
        } catch (TemplateException e) {
            throw new IOException("the summary template " + TEMPLATE + " failed: " + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }
}
