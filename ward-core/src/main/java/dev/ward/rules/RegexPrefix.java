package dev.ward.rules;

/**
 * The literal start of a rule's regex, which AIDE uses to hang the rule on a node of its rule tree.
 * {@code /usr/s?bin} starts with {@code /usr/} (the 's' is optional), {@code /etc/.*} with
 * {@code /etc/}; an alternation outside any group ({@code /a|/b}) leaves only {@code /}, one inside
 * a group ({@code /root/\.(bashrc|profile)}) ends the literal at the group.
 *
 * @param literal the text every match starts with
 * @param whole   true when the regex is that literal, perhaps followed by {@code $}
 */
record RegexPrefix(String literal, boolean whole) {
    private static final String META = ".[]()*+?{}|^$";

    static RegexPrefix of(String regex) {
        if (topLevelAlternation(regex)) {
            return new RegexPrefix("/", false);
        }
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int next = i + 1;
            if (c == '\\') {
                if (next >= regex.length() || Character.isLetterOrDigit(regex.charAt(next))) {
                    break;
                }
                c = regex.charAt(next);
                next++;
            } else if (META.indexOf(c) >= 0) {
                break;
            }
            if (next < regex.length() && "?*{".indexOf(regex.charAt(next)) >= 0) {
                break;
            }
            lit.append(c);
            i = next;
        }
        boolean whole = i == regex.length() || (i == regex.length() - 1 && regex.charAt(i) == '$');
        return new RegexPrefix(lit.toString(), whole);
    }

    /** True for a '|' outside parentheses and brackets, which splits the whole regex in two. */
    private static boolean topLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule-tree node: the directory part of the literal ({@code /usr/s} gives {@code /usr},
     * {@code /foo} gives {@code /}, {@code /foo/} gives {@code /foo}). This is why AIDE's
     * {@code =/foo} also matches {@code /foobar}: both are looked for under {@code /}.
     */
    String node() {
        int slash = literal.lastIndexOf('/');
        return slash <= 0 ? "/" : literal.substring(0, slash);
    }

    /** Where a scan for this rule starts: the whole literal path when there is one, else the node. */
    String start() {
        return whole ? literal : node();
    }
}
