package dev.ward.detect.checks;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a check file into text before YAML sees them. The YAML reader reports bad
 * encodings and control characters without a line number, and check files are often edited on
 * incident hosts where a stray binary paste happens; checking here names the exact line and column.
 */
final class SourceText {
    /** Check files are small; anything bigger is not a check file and is refused before parsing. */
    static final int MAX_BYTES = 1 << 20;

    private SourceText() {
    }

    static String decode(String file, byte[] bytes) throws CheckFormatException {
        if (bytes.length > MAX_BYTES) {
            throw new Position(file, 1, 1).error("file is larger than " + MAX_BYTES + " bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String decoded = out.flip().toString();
            throw at(file, decoded, decoded.length()).error(
                    String.format("not UTF-8 text (byte 0x%02x)", bytes[in.position()] & 0xff));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        checkCharacters(file, text);
        return text;
    }

    /** YAML 1.2 allows tab, line breaks and printable characters only; NUL and friends mean binary. */
    static void checkCharacters(String file, String text) throws CheckFormatException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!allowed(cp)) {
                throw at(file, text, i).error(String.format("control character U+%04X is not allowed", cp));
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean allowed(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0x7e) || cp == 0x85
                || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd)
                || (cp >= 0x10000 && cp <= 0x10ffff);
    }

    /** The position of character {@code index} in {@code text}. */
    private static Position at(String file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(file, line, column);
    }
}
