package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The HTML scoresheet is parsed as XML (the template keeps XHTML syntax), so a stray tag or an
 * unescaped character fails here; then its stable hooks are read the way a browser test would.
 */
class HtmlScoresheetTest {

    private final Reports reports = Reports.withTemplates(null);
    private final Scoresheet sheet = SampleScoresheets.everyCase();

    @Test
    void isWellFormedAndShowsTheTotalUnderStableIds() throws Exception {
        Document doc = Xml.parse(reports.html(sheet));

        assertThat(Xml.text(doc, "//*[@id='total']/@data-marks")).isEqualTo("11");
        assertThat(Xml.text(doc, "//*[@id='total']/@data-max")).isEqualTo("20");
        assertThat(Xml.text(doc, "normalize-space(//*[@id='total'])")).isEqualTo("11 / 20 marks");
    }

    @Test
    void hasOneBlockPerItemAndOneRowPerCheckWithMarksAndStatus() throws Exception {
        Document doc = Xml.parse(reports.html(sheet));

        NodeList items = Xml.nodes(doc, "//tbody[@data-item]");
        assertThat(items.getLength()).isEqualTo(9);
        Element first = (Element) items.item(0);
        assertThat(first.getAttribute("data-item")).isEqualTo("1");
        assertThat(first.getAttribute("data-marks")).isEqualTo("3");
        assertThat(first.getAttribute("data-max")).isEqualTo("4");
        assertThat(first.getAttribute("data-status")).isEqualTo("PARTIAL");
        assertThat(Xml.nodes(doc, "//tr[@data-check]").getLength()).isEqualTo(13);
        String row = "//tr[@data-check='elasticache_cluster_node_type_allowed']";
        assertThat(Xml.text(doc, row + "/@data-outcome")).isEqualTo("FAILED");
        assertThat(Xml.text(doc, row + "//span[contains(@class,'badge')]")).isEqualTo("FAILED");
        // the fix is said once, in its step of "What to do next", and the row points to it
        assertThat(Xml.text(doc, row + "//p[@class='remediation']")).isEqualTo("How to fix: step 4 of What to do next.");
        assertThat(Xml.text(doc, "//section[@id='next-steps']//li[@id='step-4']"))
                .contains("Recreate the cluster with --cache-node-type cache.t2.micro.").contains("1.3");
        assertThat(Xml.text(doc, "//tr[@data-check='app_improvement_over_baseline']//pre[@class='details']"))
                .startsWith("without cache p50 45.2 ms");
    }

    @Test
    void showsStudentAccountRegionRubricAndTheSampleAccountBanner() throws Exception {
        Document doc = Xml.parse(reports.html(sheet));

        assertThat(Xml.text(doc, "//dd[@class='student']")).isEqualTo("Zoë Ñúñez-O'Brien <zoe@example.com> (s-042)");
        assertThat(Xml.text(doc, "//dd[@class='account']")).isEqualTo("123456789012");
        assertThat(Xml.text(doc, "//dd[@class='region']")).isEqualTo("us-east-1");
        assertThat(Xml.text(doc, "//dd[@class='source']")).isEqualTo("sample account");
        assertThat(Xml.text(doc, "//dd[@class='rubric']")).isEqualTo("redis-caching-lab 1.0");
        assertThat(Xml.text(doc, "//dd[@class='graded-at']")).isEqualTo("2026-11-26T14:00:00Z");
        assertThat(Xml.text(doc, "//*[@id='sample-account']")).contains("sample account");
    }

    @Test
    void omitsTheSampleBannerForAStudentsOwnAccount() throws Exception {
        Document doc = Xml.parse(reports.html(SampleScoresheets.fullMarks()));

        assertThat(Xml.nodes(doc, "//*[@id='sample-account']").getLength()).isZero();
        assertThat(Xml.nodes(doc, "//*[@id='bonus']").getLength()).isZero();
        assertThat(Xml.text(doc, "//dd[@class='source']")).isEqualTo("aws");
    }

    @Test
    void escapesEveryStringSoNoMarkupFromEvidenceSurvives() throws Exception {
        String html = reports.html(sheet);
        Document doc = Xml.parse(html);

        assertThat(Xml.nodes(doc, "//script").getLength()).isZero();
        assertThat(html).contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;redis-sg&quot;").contains("]]&gt;").doesNotContain("\u001B");
        assertThat(Xml.text(doc, "//tr[@data-check='ec2_redis_port_open_only_to_app_sg']//p[@class='message']"))
                .isEqualTo(sheet.items().get(1).checks().get(0).message());
    }

    @Test
    void isSelfContainedWithNoScriptsLinksOrRemoteResources() {
        String html = reports.html(sheet);

        assertThat(html).contains("<style>").contains("@media print")
                .doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=");
    }
}
