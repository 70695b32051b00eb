package labcheck.report;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for CommonMark, so {@code scoresheet.md.ftl} auto-escapes every
 * interpolation: a student-controlled string (a resource name, an app response excerpt) can
 * neither forge headings, lists, links or HTML in the report nor break a table.
 *
 * <p>Templates get raw Markdown with {@code ?no_esc}, e.g. for an indented code block.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<TemplateMarkdownOutputModel> {

    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    /** Always-special punctuation; backslash-escaping any ASCII punctuation is valid CommonMark. */
    private static final String ALWAYS = "\\`*[]<>|&~!";
    /** Characters that only mean something at the start of a line (headings, lists, quotes, rules). */
    private static final String LINE_START = "#-+=>";

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                // a hard line break keeps the message's own line structure when rendered
                sb.append("  \n");
                lineStart = true;
                continue;
            }
            if (lineStart && c == ' ') {
                sb.append(c);
                continue;
            }
            if (ALWAYS.indexOf(c) >= 0 || (lineStart && LINE_START.indexOf(c) >= 0)
                    || (c == '_' && !intraword(text, i))
                    || ((c == '.' || c == ')') && endsLineStartNumber(text, i))) {
                sb.append('\\');
            }
            sb.append(c);
            lineStart = false;
        }
        return sb.toString();
    }

    /** An underscore between two letters or digits never starts emphasis, so it stays readable. */
    private static boolean intraword(String text, int i) {
        return i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /**
     * True for the "." in "12. foo" at a line start, which would otherwise open an ordered list;
     * "1.1 Cluster" or "0.1.0" cannot, as a list marker needs a space after it.
     */
    private static boolean endsLineStartNumber(String text, int i) {
        if (i + 1 < text.length() && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t'
                && text.charAt(i + 1) != '\n') {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && Character.isDigit(text.charAt(j))) {
            j--;
        }
        if (j == i - 1) {
            return false;
        }
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j < 0 || text.charAt(j) == '\n';
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected TemplateMarkdownOutputModel newTemplateMarkupOutputModel(String plainText, String markup) {
        return new TemplateMarkdownOutputModel(plainText, markup);
    }
}
