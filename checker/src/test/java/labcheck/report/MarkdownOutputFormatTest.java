package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownOutputFormatTest {

    private static String esc(String s) {
        return MarkdownOutputFormat.INSTANCE.escapePlainText(s);
    }

    @Test
    void escapesInlineMarkupHtmlAndTablePipes() {
        assertThat(esc("a *b* [c](d) <e> `f` | g & h")).isEqualTo("a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` \\| g \\& h");
    }

    @Test
    void escapesBlockMarkersOnlyAtTheStartOfALine() {
        assertThat(esc("# title\n- item\n+ item\n> quote\n12. list\n=")).isEqualTo(
                "\\# title  \n\\- item  \n\\+ item  \n\\> quote  \n12\\. list  \n\\=");
        assertThat(esc("sg-0abc 1. x # y")).isEqualTo("sg-0abc 1. x # y");
    }

    @Test
    void leavesVersionsAndNumberedTitlesReadable() {
        assertThat(esc("0.1.0")).isEqualTo("0.1.0");
        assertThat(esc("1.1 Cluster found")).isEqualTo("1.1 Cluster found");
        assertThat(esc("7) done")).isEqualTo("7\\) done");
    }

    @Test
    void escapesUnderscoresOnlyWhereTheyCouldStartEmphasis() {
        assertThat(esc("elasticache_cluster_available")).isEqualTo("elasticache_cluster_available");
        assertThat(esc("_private_ value")).isEqualTo("\\_private\\_ value");
    }

    @Test
    void keepsLineBreaksAsHardBreaks() {
        assertThat(esc("one\ntwo")).isEqualTo("one  \ntwo");
    }
}
