package labcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JunitXmlReportTest {

    private final Scoresheet sheet = SampleScoresheets.everyCase();

    @Test
    void writesOneTestcasePerCheckWithItsItemAsClassname() throws Exception {
        Document doc = Xml.parse(JunitXmlReport.toXml(sheet));

        assertThat(Xml.nodes(doc, "//testcase").getLength()).isEqualTo(13);
        assertThat(Xml.text(doc, "//testcase[@name='elasticache_cluster_available']/@classname"))
                .isEqualTo("cluster");
        assertThat(Xml.text(doc, "/testsuites/testsuite[1]/@tests")).isEqualTo("11");
        assertThat(Xml.text(doc, "/testsuites/testsuite[2]/@name")).isEqualTo("redis-caching-lab.bonus");
    }

    @Test
    void carriesMarksAndMaxAsPropertiesOfEachTestcase() throws Exception {
        Document doc = Xml.parse(JunitXmlReport.toXml(sheet));

        String partial = "//testcase[@name='ec2_redis_port_open_only_to_app_sg']/properties/property";
        assertThat(Xml.text(doc, partial + "[@name='marks']/@value")).isEqualTo("1");
        assertThat(Xml.text(doc, partial + "[@name='max']/@value")).isEqualTo("2");
        assertThat(Xml.text(doc, "/testsuites/testsuite[1]/properties/property[@name='total']/@value")).isEqualTo("11");
    }

    @Test
    void mapsOutcomesToFailureSkippedAndErrorElements() throws Exception {
        Document doc = Xml.parse(JunitXmlReport.toXml(sheet));

        assertThat(Xml.nodes(doc, "//testcase[@name='elasticache_cluster_found']/*[name()!='properties']")
                .getLength()).isZero();
        assertThat(Xml.text(doc, "//testcase[@name='elasticache_cluster_node_type_allowed']/failure/@type"))
                .isEqualTo("FAILED");
        assertThat(Xml.text(doc, "//testcase[@name='ec2_redis_port_open_only_to_app_sg']/failure/@type"))
                .isEqualTo("PARTIAL");
        assertThat(Xml.text(doc, "//testcase[@name='app_health_redis_connected']/skipped/@message"))
                .startsWith("The app at http://203.0.113.10:5001 could not be reached");
        assertThat(Xml.text(doc, "//testcase[@name='redis_product_key_populated_on_miss']/error/@message"))
                .startsWith("labcheck bug: NullPointerException");
        assertThat(Xml.text(doc, "/testsuites/@failures")).isEqualTo("4");
        assertThat(Xml.text(doc, "/testsuites/@errors")).isEqualTo("1");
        assertThat(Xml.text(doc, "/testsuites/@skipped")).isEqualTo("1");
    }

    @Test
    void escapesMarkupAndCdataTerminatorsSoTheMessageReadsBackUnchanged() throws Exception {
        Document doc = Xml.parse(JunitXmlReport.toXml(sheet));

        String original = sheet.items().get(1).checks().get(0).message();
        assertThat(original).contains("<", "&", "\"", "]]>");
        assertThat(Xml.text(doc, "//testcase[@name='ec2_redis_port_open_only_to_app_sg']/failure/@message"))
                .isEqualTo(original);
        assertThat(Xml.text(doc, "//testcase[@name='ec2_redis_port_open_only_to_app_sg']/failure"))
                .startsWith(original).contains("How to fix: Remove the CIDR rule");
    }

    @Test
    void spellsOutControlCharactersWhichXmlCannotCarry() throws Exception {
        String xml = JunitXmlReport.toXml(sheet);

        assertThat(xml).doesNotContain("\u001B");
        assertThat(Xml.text(Xml.parse(xml), "//testcase[@name='app_hit_ratio_in_window']/system-out"))
                .contains("\\u001B[31mred");
    }
}
