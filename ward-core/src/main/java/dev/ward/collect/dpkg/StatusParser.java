package dev.ward.collect.dpkg;

import dev.ward.model.InstalledPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: dpkg's {@code status} file to packages. The file is a list of RFC 822-style stanzas
 * separated by blank lines; a field continues on lines that start with a space. Only the fields
 * verification needs are kept. The text is read as ISO-8859-1, so conffile names keep their bytes.
 */
final class StatusParser {
    private StatusParser() {
    }

    static List<InstalledPackage> parse(String text) {
        List<InstalledPackage> out = new ArrayList<>();
        Stanza s = new Stanza();
        String field = "";
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                s.flush(out);
                s = new Stanza();
                field = "";
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (field.equals("Conffiles")) {
                    s.conffile(line.strip());
                }
            } else {
                int colon = line.indexOf(':');
                field = colon < 0 ? "" : line.substring(0, colon);
                s.field(field, colon < 0 ? "" : line.substring(colon + 1).strip());
            }
        }
        s.flush(out);
        return out;
    }

    private static final class Stanza {
        private String name;
        private String arch = "";
        private String version = "";
        private String state = "";
        private final List<InstalledPackage.Conffile> conffiles = new ArrayList<>();

        void field(String field, String value) {
            switch (field) {
                case "Package" -> name = value;
                case "Architecture" -> arch = value;
                case "Version" -> version = value;
                // "Status: want flag state", e.g. "install ok installed"
                case "Status" -> state = value.substring(value.lastIndexOf(' ') + 1);
                default -> { }
            }
        }

        /** " /etc/foo.conf 0123...abcd" with "obsolete" or "remove-on-upgrade" after it at times. */
        void conffile(String line) {
            String[] words = line.split(" ");
            if (words.length >= 2 && words[0].startsWith("/")) {
                boolean obsolete = List.of(words).subList(2, words.length).contains("obsolete");
                conffiles.add(new InstalledPackage.Conffile(words[0], words[1], obsolete));
            }
        }

        void flush(List<InstalledPackage> out) {
            if (name != null) {
                out.add(new InstalledPackage(name, arch, version, state, conffiles));
            }
        }
    }
}
