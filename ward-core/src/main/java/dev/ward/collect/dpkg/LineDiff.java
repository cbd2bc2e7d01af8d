package dev.ward.collect.dpkg;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure: a unified diff of two texts, by their longest common subsequence of lines, with three
 * lines of context, as {@code diff -u} prints it (without the file header lines). Texts of more
 * than {@link #MAX_LINES} lines are not compared: configuration files are far smaller.
 */
public final class LineDiff {
    static final int MAX_LINES = 4000;
    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** The diff's lines ("@@ -1,3 +1,4 @@", " same", "-old", "+new"); empty when the texts are equal. */
    public static List<String> unified(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return List.of("(not compared: " + a.size() + " and " + b.size() + " lines)");
        }
        List<String> edits = edits(a, b);
        return hunks(edits);
    }

    /** Each line of the merged texts, prefixed ' ', '-' or '+'. */
    private static List<String> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(" " + a.get(i++));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("-" + a.get(i++)); // removals before additions, as diff -u prints a changed line
            } else {
                out.add("+" + b.get(j++));
            }
        }
        return out;
    }

    /** As GNU diff writes a hunk's range: "3" for one line, "3,4" for four, "2,0" (the line before) for none. */
    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : (count == 0 ? start - 1 : start) + "," + count;
    }

    private static List<String> hunks(List<String> edits) {
        List<String> out = new ArrayList<>();
        int k = 0;
        int oldLine = 1;
        int newLine = 1;
        while (k < edits.size()) {
            if (edits.get(k).charAt(0) == ' ') {
                k++;
                oldLine++;
                newLine++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int quiet = 0;
            while (end < edits.size() && quiet <= 2 * CONTEXT) {
                quiet = edits.get(end).charAt(0) == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(edits.size(), end - Math.max(0, quiet - CONTEXT));
            int oldStart = oldLine - (k - start);
            int newStart = newLine - (k - start);
            int oldCount = 0;
            int newCount = 0;
            List<String> body = edits.subList(start, end);
            for (String e : body) {
                oldCount += e.charAt(0) == '+' ? 0 : 1;
                newCount += e.charAt(0) == '-' ? 0 : 1;
            }
            out.add("@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@");
            out.addAll(body);
            for (String e : edits.subList(k, end)) {
                oldLine += e.charAt(0) == '+' ? 0 : 1;
                newLine += e.charAt(0) == '-' ? 0 : 1;
            }
            k = end;
        }
        return out;
    }
}
