package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fail2ban's own test logs, each sample line after a {@code # failJSON:} annotation saying whether
 * fail2ban's filter must match it and which host it names: every failure ward reads from them is
 * on a line annotated as a match, with the annotated host. The exception is a section fail2ban
 * marks as formats its filter no longer reads ("nolonger supported"), which are failures all the same.
 */
class ServiceMessagesTest {
    static final Path TESTS = Path.of("../../shared/datasets/logs/fail2ban-tests");
    static final Pattern ANNOTATION = Pattern.compile("# failJSON: .*\"match\": *(true|false).*?(?:\"host\": *\"([^\"]+)\")?.*");

    @ParameterizedTest
    @CsvSource({"dovecot, 5", "postfix, 1", "vsftpd, 8", "pam-generic, 5", "proftpd, 10", "mysqld-auth, 16"})
    void failuresAgreeWithFail2bansAnnotations(String name, int atLeast) throws Exception {
        Path file = TESTS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        SyslogParser parser = new SyslogParser(ZoneOffset.UTC, Instant.parse("2030-01-01T00:00:00Z"));
        LogMessages messages = new LogMessages();
        List<String> lines = Files.readAllLines(file);
        int read = 0;
        boolean unsupported = false;
        for (int i = 1; i < lines.size(); i++) {
            String previous = lines.get(i - 1);
            if (previous.startsWith("#") && !previous.startsWith("# failJSON")) {
                unsupported = previous.contains("nolonger supported");
            }
            Matcher a = ANNOTATION.matcher(previous);
            if (!a.matches() || (unsupported && a.group(1).equals("false"))) {
                continue;
            }
            List<LogEvent> events = new ArrayList<>();
            long at = i + 1;
            parser.parseAny(lines.get(i)).ifPresent(l -> messages.events(l, name, at, events::add));
            for (LogEvent e : events) {
                if (e instanceof LoginEvent login && login.kind() == LoginEvent.Kind.FAILURE) {
                    read++;
                    assertEquals("true", a.group(1), name + ":" + (i + 1) + " is not a failure for fail2ban: " + lines.get(i));
                    if (a.group(2) != null) {
                        assertEquals(a.group(2), login.source(), name + ":" + (i + 1));
                    }
                }
            }
        }
        assertTrue(read >= atLeast, name + ": only " + read + " failures read");
    }

    /** The services read in full: each line fail2ban's annotations say is a failure is one for ward, with the same time. */
    @ParameterizedTest
    @CsvSource({"vsftpd, 8", "proftpd, 10", "mysqld-auth, 16"})
    void everyAnnotatedFailureIsRead(String name, int failures) throws Exception {
        Path file = TESTS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        SyslogParser parser = new SyslogParser(ZoneOffset.UTC, Instant.parse("2030-01-01T00:00:00Z"));
        LogMessages messages = new LogMessages();
        Pattern time = Pattern.compile(".*\"time\": *\"([^\"]+)\".*");
        List<String> lines = Files.readAllLines(file);
        int annotated = 0;
        for (int i = 1; i < lines.size(); i++) {
            Matcher a = ANNOTATION.matcher(lines.get(i - 1));
            if (!a.matches() || !a.group(1).equals("true")) {
                continue;
            }
            annotated++;
            String line = lines.get(i).replaceFirst("# failJSON.*", "");
            List<LogEvent> events = new ArrayList<>();
            parser.parseAny(line).ifPresent(l -> messages.events(l, name, 0, events::add));
            LoginEvent failure = events.stream().map(LoginEvent.class::cast)
                    .filter(e -> e.kind() == LoginEvent.Kind.FAILURE).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ":" + (lines.indexOf(line) + 1) + " not read: " + line));
            Matcher t = time.matcher(lines.get(i - 1));
            if (t.matches() && !name.equals("mysqld-auth")) {
                assertEquals(Instant.parse(t.group(1) + "Z").getEpochSecond() % 86_400,
                        failure.time().getEpochSecond() % 86_400, name + ": " + line);
            }
        }
        assertEquals(failures, annotated, name + ": annotated failures");
    }
}
