package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshdMessagesTest {
    static final Path LOGHUB = Path.of("../../shared/datasets/logs/loghub/OpenSSH");

    static List<LoginEvent> events(String... lines) {
        SyslogParser p = new SyslogParser(ZoneOffset.UTC, Instant.parse("2026-12-31T00:00:00Z"));
        List<LoginEvent> out = new ArrayList<>();
        for (String line : lines) {
            p.parse(line).filter(l -> SshdMessages.isSshd(l.program())).ifPresent(l -> SshdMessages.events(l, "/f", 1, out::add));
        }
        return out;
    }

    @Test
    void eachKindOfMessage() {
        List<LoginEvent> e = events(
                "Nov 20 03:16:31 web1 sshd[4190]: Accepted publickey for deploy from 2001:db8::7 port 40077 ssh2: ED25519 SHA256:abc",
                "Nov 20 03:12:00 web1 sshd[4100]: Failed password for invalid user admin from 203.0.113.45 port 40000 ssh2",
                "Nov 20 03:12:00 web1 sshd[4100]: Invalid user my admin from 203.0.113.45 port 40000",
                "Nov 20 03:12:00 web1 sshd-session[4100]: Failed keyboard-interactive/pam for root from 203.0.113.9 port 2 ssh2",
                "Nov 20 03:12:00 web1 sshd[4100]: message repeated 3 times: [ Failed password for root from 203.0.113.45 port 40003 ssh2]",
                "Nov 20 03:12:00 web1 sshd[4100]: Connection closed by 203.0.113.45 port 40000 [preauth]",
                "Nov 20 03:12:00 web1 su[4100]: Failed password for root from 203.0.113.45 port 40000 ssh2");
        assertEquals(List.of(
                "success deploy 2001:db8::7 publickey sshd",
                "failure admin 203.0.113.45 password sshd",
                "invalid user my admin 203.0.113.45  sshd",
                "failure root 203.0.113.9 keyboard-interactive/pam sshd-session",
                "failure root 203.0.113.45 password sshd",
                "failure root 203.0.113.45 password sshd",
                "failure root 203.0.113.45 password sshd"),
                e.stream().map(x -> x.kind().label() + " " + x.user() + " " + x.source() + " " + x.method() + " " + x.service()).toList());
    }

    /** Loghub's OpenSSH sample against its structured CSV: the same count of each kind of event. */
    @Test
    void loghubOpenSshMatchesItsGroundTruth() throws Exception {
        assumeTrue(Files.isDirectory(LOGHUB), "no ../shared/datasets/logs: skipped");
        Map<Kind, Integer> expected = new EnumMap<>(Kind.class);
        for (String row : Files.readAllLines(LOGHUB.resolve("OpenSSH_2k.log_structured.csv")).subList(1, 2001)) {
            List<String> f = csv(row);
            String content = f.get(6);
            String template = f.get(8);
            if (template.startsWith("Failed ")) {
                expected.merge(Kind.FAILURE, 1, Integer::sum);
            } else if (template.startsWith("message repeated <*> times: [ Failed")) {
                int n = Integer.parseInt(content.substring("message repeated ".length(), content.indexOf(" times")));
                expected.merge(Kind.FAILURE, n, Integer::sum);
            } else if (template.startsWith("Accepted ")) {
                expected.merge(Kind.SUCCESS, 1, Integer::sum);
            } else if (template.startsWith("Invalid user ")) {
                expected.merge(Kind.INVALID_USER, 1, Integer::sum);
            }
        }
        Map<Kind, Integer> found = new EnumMap<>(Kind.class);
        events(Files.readAllLines(LOGHUB.resolve("OpenSSH_2k.log")).toArray(String[]::new))
                .forEach(e -> found.merge(e.kind(), 1, Integer::sum));
        assertEquals(expected, found);
        assertEquals(532, found.get(Kind.FAILURE), "522 Failed lines and two 'message repeated' lines of 5");
    }

    /** Fields of one CSV row, quotes undone. */
    static List<String> csv(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
