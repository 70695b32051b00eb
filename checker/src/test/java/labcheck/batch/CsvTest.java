package labcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<Csv.Record> r = Csv.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n");
        assertThat(r).hasSize(3);
        assertThat(r.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(r.get(2).fields()).containsExactly("last", "", "");
        assertThat(r.get(2).number()).isEqualTo(3);
        assertThat(r.get(2).line()).as("the quoted line break moved the next record down").isEqualTo(4);
    }

    @Test
    void aByteOrderMarkBlankLinesAndAMissingFinalNewlineAreFine() {
        List<Csv.Record> r = Csv.parse("\uFEFFid,name\n\ns1,Ann");
        assertThat(r).extracting(Csv.Record::fields)
                .containsExactly(List.of("id", "name"), List.of("s1", "Ann"));
    }

    @Test
    void aStrayQuoteSpoilsOnlyItsOwnRecord() {
        List<Csv.Record> r = Csv.parse("id,name\ns1,Ann \"B\" C\ns2,\"Bob\"x\ns3,Cy\n");
        assertThat(r.get(1).malformed()).isTrue();
        assertThat(r.get(1).error()).contains("quote inside an unquoted field");
        assertThat(r.get(2).error()).contains("text after a closing quote");
        assertThat(r.get(3).fields()).containsExactly("s3", "Cy");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpenedAndTheRowsAfterItAreStillRead() {
        List<Csv.Record> r = Csv.parse("id,name\ns1,\"Ann\ns2,Bob\ns3,Cy\n");
        assertThat(r).hasSize(4);
        assertThat(r.get(1).error()).contains("opened on line 2 is never closed");
        assertThat(r.get(2).fields()).containsExactly("s2", "Bob");
        assertThat(r.get(3).fields()).containsExactly("s3", "Cy");
        assertThat(r.get(3).line()).isEqualTo(4);
    }

    @Test
    void aSemicolonOrTabSeparatedFileIsReadByItsHeader() {
        assertThat(Csv.parse("id;name\ns1;\"Ann; B\"\n")).extracting(Csv.Record::fields)
                .containsExactly(List.of("id", "name"), List.of("s1", "Ann; B"));
        assertThat(Csv.parse("id\tname\ns1\tAnn\n").get(1).fields()).containsExactly("s1", "Ann");
        assertThat(Csv.parse("id,name\ns1;x,Ann\n").get(1).fields()).containsExactly("s1;x", "Ann");
    }

    @Test
    void writtenLinesReadBackTheSame() {
        List<String> fields = List.of("s1", "Ann, B", "say \"hi\"", "", " pad");
        String line = Csv.line(fields);
        assertThat(line).isEqualTo("s1,\"Ann, B\",\"say \"\"hi\"\"\",,\" pad\"");
        assertThat(Csv.parse(line).get(0).fields()).isEqualTo(fields);
    }
}
