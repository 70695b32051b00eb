package labcheck.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The FreeMarker side of the reports: loads {@code scoresheet.*.ftl} from an override directory
 * (file by file) or from the jar's {@code /templates/}, and turns FreeMarker's errors into a
 * {@link TemplateError} naming the file and line.
 */
final class Templates {

    /** Where the checker jar carries the top-level {@code templates/} folder. */
    static final String CLASSPATH_DIR = "/templates";

    private final Configuration cfg;
    private final Path overrideDir;

    Templates(Path overrideDir) {
        this.overrideDir = overrideDir;
        this.cfg = configuration(loader(overrideDir));
    }

    /** Renders {@code name} (e.g. {@code scoresheet.md.ftl}) with {@code model}. */
    String render(String name, Map<String, Object> model) {
        Template template = template(name);
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String file = where(e.getTemplateSourceName() == null ? name : e.getTemplateSourceName());
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            throw new TemplateError(file, line, "Template " + file + " failed at line " + line
                    + (e.getColumnNumber() == null ? "" : ", column " + e.getColumnNumber()) + ": "
                    + oneLine(e.getMessageWithoutStackTop()) + " " + fix(file), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render " + where(name) + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * {@code name} parsed (and kept: FreeMarker caches it), so a syntax error is a {@link TemplateError}
     * naming the file and line now, before any grading, not after the first student's minutes of probing.
     */
    Template template(String name) {
        try {
            return cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new TemplateError(name, 0, "Template " + name + " was found neither in "
                    + (overrideDir == null ? "" : overrideDir + " nor in ") + "the checker jar's " + CLASSPATH_DIR
                    + "/; the jar is incomplete: rebuild it (mvn -pl checker -am package).", e);
        } catch (ParseException e) {
            String file = where(name);
            throw new TemplateError(file, e.getLineNumber(), "Template " + file + " has a syntax error at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + oneLine(e.getEditorMessage())
                    + " " + fix(file), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read template " + where(name) + ": " + e.getMessage(), e);
        }
    }

    private String where(String name) {
        if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(name))) {
            return overrideDir.resolve(name).toString();
        }
        return "(built in) " + CLASSPATH_DIR + "/" + name;
    }

    private static String fix(String file) {
        return file.startsWith("(built in)")
                ? "This is a labcheck bug; please report it."
                : "Fix the template, or delete it to fall back to the built-in one.";
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
        return t.endsWith(".") ? t : t + ".";
    }

    private static TemplateLoader loader(Path overrideDir) {
        ClassTemplateLoader builtIn = new ClassTemplateLoader(Templates.class, CLASSPATH_DIR);
        if (overrideDir == null) {
            return builtIn;
        }
        if (!Files.isDirectory(overrideDir)) {
            throw new IllegalArgumentException("--templates " + overrideDir
                    + " is not a directory; give a directory holding any of scoresheet.html.ftl, scoresheet.md.ftl,"
                    + " scoresheet.txt.ftl (missing ones fall back to the built-in templates).");
        }
        try {
            TemplateLoader dir = new FileTemplateLoader(overrideDir.toFile());
            return new MultiTemplateLoader(new TemplateLoader[] {dir, builtIn});
        } catch (IOException e) {
            throw new UncheckedIOException("could not open template directory " + overrideDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static Configuration configuration(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        // the same scoresheet renders the same bytes on every machine: no host locale or zone
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setCustomNumberFormats(java.util.Map.of(MarksNumberFormat.NAME, MarksNumberFormat.FACTORY));
        cfg.setNumberFormat("@" + MarksNumberFormat.NAME);
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // an override template is data from a user: it may format the scoresheet, not run Java
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"),
                        escaping(HTMLOutputFormat.INSTANCE)),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.md.ftl"),
                        escaping(MarkdownOutputFormat.INSTANCE)))
                .allowNoMatch(true));
        return cfg;
    }

    private static TemplateConfiguration escaping(OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        return tc;
    }
}
