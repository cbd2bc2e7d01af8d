package dev.ward.collect.dpkg;

import dev.ward.host.HostPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pure: a package's {@code info/PKG.md5sums} to absolute path and MD5. Each line is 32 hex digits,
 * two spaces and the path relative to the root ({@code usr/bin/ls}), its bytes as they are on disk;
 * so lines are split as bytes, never decoded. Malformed lines are skipped.
 */
final class Md5sumsParser {
    private static final int HEX = 32;

    private Md5sumsParser() {
    }

    static Map<HostPath, String> parse(byte[] data) {
        Map<HostPath, String> out = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                line(data, start, i, out);
                start = i + 1;
            }
        }
        return out;
    }

    private static void line(byte[] data, int start, int end, Map<HostPath, String> out) {
        int name = start + HEX + 2;
        if (end <= name || data[start + HEX] != ' ' || data[start + HEX + 1] != ' ') {
            return;
        }
        String md5 = new String(data, start, HEX, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!md5.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return;
        }
        int lead = data[name] == '/' ? 0 : 1;
        byte[] path = new byte[end - name + lead];
        path[0] = '/';
        System.arraycopy(data, name, path, lead, end - name);
        out.put(HostPath.ofBytes(path), md5.toLowerCase(java.util.Locale.ROOT));
    }
}
