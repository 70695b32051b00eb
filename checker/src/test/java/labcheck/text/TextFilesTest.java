package labcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files saved as anything but UTF-8 are named as such, with the command that converts them. */
class TextFilesTest {

    private static final String TEXT = "id: lab\ntitle: Caching Server Lab — café\n";

    @TempDir
    Path dir;

    private Path saved(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsRead() throws Exception {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(TextFiles.readUtf8(saved("plain.yaml", utf8))).isEqualTo(TEXT);
        assertThat(TextFiles.readUtf8(saved("bom.yaml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8)))).isEqualTo(TEXT);
    }

    @Test
    void utf16WithAByteOrderMarkIsNamedWithTheIconvCommand() throws Exception {
        Path file = saved("rubric.yaml", TEXT.getBytes(StandardCharsets.UTF_16)); // big-endian, with its mark

        assertThatThrownBy(() -> TextFiles.readUtf8(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " is saved as UTF-16 (with a byte-order mark); labcheck reads UTF-8. Fix: save it as"
                        + " UTF-8: iconv -f UTF-16 -t UTF-8 " + file + " > " + file + ".utf8 && mv " + file + ".utf8 "
                        + file + " (or choose UTF-8 in the editor's Save As).");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamedWithItsByteOrder() throws Exception {
        Path le = saved("le.json", TEXT.getBytes(StandardCharsets.UTF_16LE));
        Path be = saved("be.json", TEXT.getBytes(StandardCharsets.UTF_16BE));

        assertThatThrownBy(() -> TextFiles.readUtf8(le)).hasMessageContaining("is saved as UTF-16LE (without a"
                + " byte-order mark)").hasMessageContaining("iconv -f UTF-16LE -t UTF-8");
        assertThatThrownBy(() -> TextFiles.readUtf8(be)).hasMessageContaining("UTF-16BE (without a byte-order mark)");
    }

    @Test
    void latin1IsNamedWithTheByteAndItsLine() throws Exception {
        Path file = saved("my rubric.yaml", TEXT.replace("—", "-").getBytes(Charset.forName("ISO-8859-1")));

        assertThatThrownBy(() -> TextFiles.readUtf8(file)).hasMessage(file + " is not UTF-8: byte 0xE9 on line 2 is"
                + " how Latin-1 (ISO-8859-1) or Windows-1252 writes a character such as é; labcheck reads UTF-8. Fix:"
                + " save it as UTF-8: iconv -f LATIN1 -t UTF-8 '" + file + "' > '" + file + ".utf8' && mv '" + file
                + ".utf8' '" + file + "' (or choose UTF-8 in the editor's Save As).");
    }

    @Test
    void nulBytesThatAreNotUtf16AreACopyCutShortNotAnEncoding() throws Exception {
        byte[] cut = concat("{\"schemaVersion\": 3,\n".getBytes(StandardCharsets.UTF_8), new byte[8]);
        Path file = saved("evidence.json", cut);

        assertThatThrownBy(() -> TextFiles.readUtf8(file)).hasMessageStartingWith(file + " is not a text file: it"
                + " holds a NUL byte on line 2");
    }
}
