package labcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import labcheck.engine.Outcome;
import labcheck.evidence.EvidenceBundle;
import labcheck.evidence.SecretGuard;

/**
 * Writes a scoresheet. MINIMAL version for the engine branch (JSON and plain text only);
 * the renderers' branch replaces this file with the FreeMarker, JUnit XML and Gradescope one
 * behind the same API.
 *
 * <pre>{@code
 * Reports reports = Reports.withTemplates(null);
 * List<Path> files = reports.writeAll(sheet, Path.of("labcheck-out"));
 * System.out.print(reports.terminal(sheet, false));
 * }</pre>
 */
public final class Reports {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path templates;

    private Reports(Path templates) {
        this.templates = templates;
    }

    /** Reports using the templates in {@code overrideOrNull}, else the shipped ones. */
    public static Reports withTemplates(Path overrideOrNull) {
        return new Reports(overrideOrNull);
    }

    public Path templates() {
        return templates;
    }

    /** The scoresheet as JSON (stable field order, two-space indent, final newline). */
    public static String json(Scoresheet sheet) {
        try {
            String json = JSON.writeValueAsString(sheet) + "\n";
            SecretGuard.requireClean(json, "the scoresheet");
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the scoresheet: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes every format into {@code outDir}; returns the files written. */
    public List<Path> writeAll(Scoresheet sheet, Path outDir) {
        try {
            Path json = outDir.resolve("scoresheet.json");
            Path txt = outDir.resolve("scoresheet.txt");
            EvidenceBundle.writeAtomically(json, json(sheet));
            EvidenceBundle.writeAtomically(txt, terminal(sheet, false));
            return List.of(json, txt);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the scoresheet to " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** A plain summary for a terminal; {@code color} adds ANSI colours to outcomes. */
    public String terminal(Scoresheet sheet, boolean color) {
        StringBuilder out = new StringBuilder();
        out.append(sheet.rubricTitle()).append(" (rubric ").append(sheet.rubricId()).append(' ')
                .append(sheet.rubricVersion()).append(")\n");
        out.append("Total: ").append(marks(sheet.total())).append(" / ").append(marks(sheet.max())).append("\n\n");
        section(out, sheet.items(), color);
        if (sheet.bonus() != null && !sheet.bonus().isEmpty()) {
            out.append("Bonus\n");
            section(out, sheet.bonus(), color);
        }
        if (sheet.notes() != null) {
            sheet.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        }
        String text = out.toString();
        SecretGuard.requireClean(text, "the terminal summary");
        return text;
    }

    private static void section(StringBuilder out, List<ItemResult> items, boolean color) {
        for (ItemResult item : items) {
            out.append(item.number()).append(". ").append(item.title()).append("  ").append(marks(item.marks()))
                    .append('/').append(marks(item.max())).append("  ").append(paint(item.status(), color)).append('\n');
            for (CheckResult c : item.checks()) {
                out.append("   ").append(c.number()).append(' ').append(c.id()).append("  ").append(marks(c.marks()))
                        .append('/').append(marks(c.max())).append("  ").append(paint(c.outcome(), color)).append('\n');
                if (c.outcome() != Outcome.PASSED && c.message() != null) {
                    c.message().lines().forEach(l -> out.append("       ").append(l).append('\n'));
                }
            }
            out.append('\n');
        }
    }

    private static String paint(Outcome outcome, boolean color) {
        String word = outcome.name().toLowerCase(Locale.ROOT);
        if (!color) {
            return word;
        }
        String code = switch (outcome) {
            case PASSED -> "32";
            case PARTIAL -> "33";
            case UNVERIFIABLE -> "36";
            default -> "31";
        };
        return "\u001b[" + code + "m" + word + "\u001b[0m";
    }

    private static String marks(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
