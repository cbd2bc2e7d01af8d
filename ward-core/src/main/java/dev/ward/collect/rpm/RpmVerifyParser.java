package dev.ward.collect.rpm;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure: the output of {@code rpm -Va}. A line is nine result characters, one for each test
 * ({@code S} size, {@code M} mode or type, {@code 5} digest, {@code D} device, {@code L} link
 * target, {@code U} user, {@code G} group, {@code T} mtime, {@code P} capabilities; {@code .} passed,
 * {@code ?} could not be tested), a space, the file's class ({@code c} config, {@code d} doc,
 * {@code g} ghost, {@code l} license, {@code r} readme, or a space) and the path; or
 * {@code missing}, the class and the path. Other lines (unsatisfied dependencies) are skipped.
 */
public final class RpmVerifyParser {
    /** One file rpm reported. {@code tests} is empty for a missing file. */
    public record Result(String tests, boolean config, boolean missing, String path) {
        /** Its contents differ: size, digest or link target. */
        public boolean contentChanged() {
            return missing || tests.indexOf('S') >= 0 || tests.indexOf('5') >= 0 || tests.indexOf('L') >= 0;
        }

        /** The tests that failed, in words: "size, mode, digest". */
        public String failed() {
            StringBuilder out = new StringBuilder();
            String names = "size mode digest device link user group mtime capabilities";
            String[] words = names.split(" ");
            for (int i = 0; i < Math.min(tests.length(), words.length); i++) {
                if (tests.charAt(i) != '.' && tests.charAt(i) != '?') {
                    out.append(out.isEmpty() ? "" : ", ").append(words[i]);
                }
            }
            return out.toString();
        }
    }

    private RpmVerifyParser() {
    }

    public static List<Result> parse(String text) {
        List<Result> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("missing ")) {
                String rest = line.substring("missing ".length());
                int slash = rest.indexOf('/');
                if (slash >= 0) {
                    out.add(new Result("", rest.substring(0, slash).strip().equals("c"), true, rest.substring(slash)));
                }
            } else if (line.length() > 13 && line.substring(0, 9).matches("[SM5DLUGTP.?]{9}") && line.charAt(9) == ' ') {
                int slash = line.indexOf('/', 10);
                if (slash > 0) {
                    out.add(new Result(line.substring(0, 9), line.substring(10, slash).strip().equals("c"), false,
                            line.substring(slash)));
                }
            }
        }
        return out;
    }
}
