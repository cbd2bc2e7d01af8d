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
    @CsvSource({"dovecot, 5", "postfix, 1", "vsftpd, 2", "pam-generic, 5"})
    void failuresAgreeWithFail2bansAnnotations(String name, int atLeast) throws Exception {
        Path file = TESTS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        SyslogParser parser = new SyslogParser(ZoneOffset.UTC, Instant.parse("2030-01-01T00:00:00Z"));
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
            parser.parse(lines.get(i)).ifPresent(l -> AuthLogCollector.events(l, name, at, events::add));
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
}
