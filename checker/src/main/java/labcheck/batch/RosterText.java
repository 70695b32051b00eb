package labcheck.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import labcheck.text.TextFiles;

/**
 * A roster file's bytes as text, whatever a spreadsheet saved: UTF-8 (with or without Excel's
 * byte-order mark), UTF-16 with its byte-order mark ("Unicode text"), or Windows-1252 (Excel's
 * plain "CSV" on Windows); anything else is refused with the fix.
 *
 * <pre>{@code
 * String text = RosterText.decode(Files.readAllBytes(file), file.toString());
 * }</pre>
 */
final class RosterText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private RosterText() {
    }

    static String decode(byte[] b, String origin) {
        if (TextFiles.startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return strict(b, 3, StandardCharsets.UTF_8, origin);
        }
        if (TextFiles.startsWith(b, 0xFF, 0xFE)) {
            return strict(b, 2, StandardCharsets.UTF_16LE, origin);
        }
        if (TextFiles.startsWith(b, 0xFE, 0xFF)) {
            return strict(b, 2, StandardCharsets.UTF_16BE, origin);
        }
        for (byte x : b) {
            if (x == 0) {
                throw new Roster.RosterException(origin + " holds NUL bytes: it looks like UTF-16 without a byte-order"
                        + " mark. Fix: save it again as \"CSV UTF-8\" (Excel) or UTF-8 (LibreOffice, Sheets).");
            }
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return decoder(WINDOWS_1252).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException notWindows) {
                throw new Roster.RosterException(origin + " is neither UTF-8 nor Windows-1252 text. Fix: save it"
                        + " again as \"CSV UTF-8\" (Excel) or UTF-8 (LibreOffice, Sheets).");
            }
        }
    }

    private static String strict(byte[] b, int skip, Charset charset, String origin) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new Roster.RosterException(origin + " starts with a " + charset.name() + " byte-order mark but is"
                    + " not valid " + charset.name() + ". Fix: save it again as \"CSV UTF-8\".");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
