package labcheck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;

/**
 * Renders a {@link Scoresheet} in every format labcheck writes.
 *
 * <pre>{@code
 * Reports reports = Reports.withTemplates(null);           // or a --templates directory
 * List<Path> files = reports.writeAll(sheet, outDir);      // html, md, txt, json, junit.xml, results.json
 * System.out.print(reports.terminal(sheet, isTty));        // ANSI colour only when asked
 * }</pre>
 *
 * <p>Templates ({@code scoresheet.html.ftl}, {@code scoresheet.md.ftl}, {@code scoresheet.txt.ftl})
 * see {@code sheet}, the {@link Scoresheet} (record components read as properties:
 * {@code sheet.items[0].checks[0].outcome}; numbers print as {@code 0.##}; control characters
 * already spelled out), {@code steps} ("What to do next", {@link Scoresheet#nextSteps()}), {@code stepOf}
 * (a held-back check's number to its step's number), {@code cols} (the text sheet's column widths,
 * {@link TextColumns}), {@code color} (a boolean) and {@code c}, the ANSI codes
 * ({@code c.green}, {@code c.reset}, ...; empty strings unless colour was asked for). The HTML
 * and Markdown templates auto-escape every {@code ${...}}; the text template does not.
 *
 * <p>Every output is rendered in memory and passed through {@link SecretGuard} before the first
 * file is written, so a refused report leaves no half-written set behind; each file is then
 * written atomically (temp file, rename).
 */
public final class Reports {

    /** File names, in the order {@link #writeAll} writes and returns them. */
    public static final List<String> FILES = List.of("scoresheet.html", "scoresheet.md", "scoresheet.txt",
            "scoresheet.json", "junit.xml", "results.json");

    /** The templates the scoresheets are rendered from. */
    static final List<String> TEMPLATES = List.of("scoresheet.html.ftl", "scoresheet.md.ftl", "scoresheet.txt.ftl");

    private final Templates templates;
    private final boolean studentFacing;

    private Reports(Templates templates, boolean studentFacing) {
        this.templates = templates;
        this.studentFacing = studentFacing;
    }

    /**
     * Templates come from {@code overrideDir} file by file when it is given (a missing file falls
     * back to the built-in one), else from the checker jar's {@code /templates/}.
     *
     * @throws IllegalArgumentException when {@code overrideDir} is given but is not a directory
     */
    public static Reports withTemplates(Path overrideDir) {
        return new Reports(new Templates(overrideDir), false);
    }

    /**
     * These renderers for a student (a self-check, the demo): the sheets a person reads (terminal,
     * {@code scoresheet.txt}, {@code .html}, {@code .md}) show {@link Scoresheet#forStudent()}, so items the
     * rubric withholds appear by title and marks only and the total counts the shown marks; the machine
     * records ({@code scoresheet.json}, {@code junit.xml}, {@code results.json}, whose tests carry Gradescope's
     * visibility) keep every item, as the evidence bundle beside them does. Without this, every output is
     * the judges' and shows everything.
     *
     * <pre>{@code
     * Reports reports = Reports.withTemplates(null).studentFacing();
     * }</pre>
     */
    public Reports studentFacing() {
        return new Reports(templates, true);
    }

    /** The sheet these renderers show a person: the student's view when {@link #studentFacing()}, else all. */
    public Scoresheet shown(Scoresheet sheet) {
        requireSheet(sheet);
        return studentFacing ? sheet.forStudent() : sheet;
    }

    /**
     * These renderers with every scoresheet template parsed: a syntax error in an override is a
     * {@link TemplateError} naming the file and line before anything is graded.
     *
     * <pre>{@code
     * Reports reports = Reports.withTemplates(dir).compiled();   // TemplateError: file, line, fix
     * }</pre>
     */
    public Reports compiled() {
        TEMPLATES.forEach(this::compile);
        return this;
    }

    /** These renderers with {@code template} (e.g. batch's {@code summary.html.ftl}) parsed, as {@link #compiled}. */
    public Reports compile(String template) {
        templates.template(template);
        return this;
    }

    /** Writes the six reports into {@code outDir} (created if needed); returns their paths in {@link #FILES} order. */
    public List<Path> writeAll(Scoresheet sheet, Path outDir) {
        requireSheet(sheet);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("scoresheet.html", html(sheet));
        texts.put("scoresheet.md", markdown(sheet));
        texts.put("scoresheet.txt", terminal(sheet, false));
        // the machine records keep every item: Gradescope applies each test's visibility itself
        texts.put("scoresheet.json", JsonReport.toJson(sheet));
        texts.put("junit.xml", JunitXmlReport.toXml(sheet));
        texts.put("results.json", GradescopeReport.toJson(sheet));
        texts.replaceAll((name, text) -> SecretGuard.cleaned(text, name));
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (var e : texts.entrySet()) {
                Path target = outDir.resolve(e.getKey());
                EvidenceBundle.writeAtomically(target, e.getValue());
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write reports to " + outDir + ": " + e.getMessage()
                    + ". Fix: make room there or make it writable, or give another --out.", e);
        }
        return List.copyOf(written);
    }

    /** The text scoresheet for a terminal; ANSI colour only when {@code color} is true. */
    public String terminal(Scoresheet sheet, boolean color) {
        Map<String, Object> model = model(shown(sheet));
        model.put("color", color);
        model.put("c", color ? Ansi.ON : Ansi.OFF);
        return checked(templates.render("scoresheet.txt.ftl", model), "the text scoresheet");
    }

    /**
     * Renders another of the shipped templates, e.g. batch's {@code summary.html.ftl}, through the same
     * locked-down configuration as the scoresheets: an override may format, never run Java, and a
     * {@code *.html.ftl} is HTML-escaped. A broken override is a {@link TemplateError} naming file and line.
     */
    public String render(String template, Map<String, Object> model) {
        return templates.render(template, model);
    }

    /** The self-contained HTML scoresheet. */
    public String html(Scoresheet sheet) {
        return checked(templates.render("scoresheet.html.ftl", model(shown(sheet))), "scoresheet.html");
    }

    /** The Markdown scoresheet. */
    public String markdown(Scoresheet sheet) {
        return checked(templates.render("scoresheet.md.ftl", model(shown(sheet))), "scoresheet.md");
    }

    private static Map<String, Object> model(Scoresheet sheet) {
        Scoresheet printable = Printable.of(sheet);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sheet", printable);
        model.put("steps", printable.nextSteps());
        model.put("stepOf", stepOf(printable.nextSteps()));
        model.put("cols", TextColumns.of(printable));
        model.put("color", false);
        model.put("c", Ansi.OFF);
        return model;
    }

    /** Each held-back check's number to its step's number in "What to do next" (1-based), for "Fix: step 2". */
    private static Map<String, Integer> stepOf(List<NextStep> steps) {
        Map<String, Integer> of = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String check : steps.get(i).checks()) {
                of.putIfAbsent(check, i + 1);
            }
        }
        return of;
    }

    private static String checked(String text, String where) {
        return SecretGuard.cleaned(text, where);
    }

    private static void requireSheet(Scoresheet sheet) {
        if (sheet == null || sheet.items() == null) {
            throw new IllegalArgumentException("a scoresheet with its items is required to render reports, got "
                    + (sheet == null ? "null" : "one without items") + ".");
        }
    }

    /** Colour codes the text template uses as {@code ${c.green}}; all empty when colour is off. */
    static final class Ansi {
        static final Map<String, String> ON = Map.of(
                "reset", "\u001B[0m", "bold", "\u001B[1m", "dim", "\u001B[2m",
                "green", "\u001B[32m", "yellow", "\u001B[33m", "red", "\u001B[31m",
                "magenta", "\u001B[35m", "cyan", "\u001B[36m");
        static final Map<String, String> OFF = Map.of(
                "reset", "", "bold", "", "dim", "", "green", "", "yellow", "", "red", "", "magenta", "", "cyan", "");

        private Ansi() {
        }
    }
}
