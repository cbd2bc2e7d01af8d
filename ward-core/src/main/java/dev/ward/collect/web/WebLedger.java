package dev.ward.collect.web;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.LogFiles;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.WebRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the web servers' access logs say, gathered in one streaming pass over Apache's and nginx's
 * logs and their rotations: per address, how many requests and how many "not found" came in a burst,
 * and whether a scanning tool named itself; and the requests that look like a web shell being used.
 * Memory grows with the number of addresses, not of requests.
 */
public final class WebLedger {
    static final List<HostPath> LOGS = List.of(HostPath.of("/var/log/apache2/access.log"),
            HostPath.of("/var/log/nginx/access.log"), HostPath.of("/var/log/httpd/access_log"));
    /** "Not found" answers from one address within {@link #WINDOW} that make it a scanner. */
    public static final int NOT_FOUND_BURST = 20;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    static final int SHELL_REQUESTS_KEPT = 1000;

    /** User agents scanning and attack tools send unless told otherwise. */
    static final Pattern SCANNER = Pattern.compile("(?i)nikto|sqlmap|nmap|masscan|zgrab|dirbuster|gobuster|wpscan|"
            + "acunetix|nessus|openvas|nuclei|feroxbuster|ffuf|wfuzz|hydra|w3af|whatweb|jorgee|l9explore");
    /** Names of well-known web shells, and command parameters handed to a script. */
    static final Pattern SHELL = Pattern.compile("(?i)/(c99|r57|wso|b374k|alfa[a-z0-9]*|webshell|phpspy|indoxploit|"
            + "shell|cmd|eval-stdin)\\.(php\\d?|phtml|jsp|aspx?)(\\?|$)|\\.(php\\d?|phtml|jsp|aspx?)\\?(.*&)?"
            + "(cmd|exec|command|execute|shell|system|passthru)=");

    /** What one address did. */
    public static final class Source {
        private final Deque<Instant> notFound = new ArrayDeque<>();
        private long requests;
        private long notFoundTotal;
        private boolean burst;
        private String scanner;
        private Instant first;
        private Instant last;

        public long requests() {
            return requests;
        }

        public long notFound() {
            return notFoundTotal;
        }

        public boolean burst() {
            return burst;
        }

        /** The user agent that named a scanning tool, or null. */
        public String scanner() {
            return scanner;
        }

        public Instant first() {
            return first;
        }

        public Instant last() {
            return last;
        }
    }

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<WebRequest> shellRequests = new ArrayList<>();
    private final List<CollectionError> errors = new ArrayList<>();
    private long requests;

    public static WebLedger of(Scan scan) {
        return scan.once(WebLedger.class, root -> {
            WebLedger ledger = new WebLedger();
            LogFiles logs = new LogFiles(root, "web_logs", ledger.errors);
            for (HostPath file : logs.rotations(LOGS)) {
                String name = file.display();
                logs.read(file, st -> (line, n) -> AccessLogParser.parse(line, name, n).ifPresent(ledger::add));
            }
            return ledger;
        });
    }

    void add(WebRequest r) {
        requests++;
        Source s = sources.computeIfAbsent(r.source(), k -> new Source());
        s.requests++;
        s.first = s.first == null ? r.time() : s.first;
        s.last = r.time();
        if (s.scanner == null && !r.userAgent().isEmpty() && SCANNER.matcher(r.userAgent()).find()) {
            s.scanner = r.userAgent();
        }
        if (r.status() == 404) {
            s.notFoundTotal++;
            s.notFound.addLast(r.time());
            while (s.notFound.size() > NOT_FOUND_BURST || s.notFound.peekFirst().isBefore(r.time().minus(WINDOW))) {
                s.notFound.removeFirst();
            }
            s.burst |= s.notFound.size() >= NOT_FOUND_BURST;
        }
        if (shellRequests.size() < SHELL_REQUESTS_KEPT && SHELL.matcher(r.path().toLowerCase(Locale.ROOT)).find()) {
            shellRequests.add(r);
        }
    }

    public Map<String, Source> sources() {
        return Collections.unmodifiableMap(sources);
    }

    /** Requests that look like a web shell in use, up to {@value #SHELL_REQUESTS_KEPT}. */
    public List<WebRequest> shellRequests() {
        return Collections.unmodifiableList(shellRequests);
    }

    public long requests() {
        return requests;
    }

    public List<CollectionError> errors() {
        return errors;
    }
}
