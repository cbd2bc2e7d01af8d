package dev.ward.collect.procs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.host.HostException;
import dev.ward.host.HostRoot;
import dev.ward.host.ProcessViews;
import dev.ward.model.CollectionError;
import dev.ward.model.ProcessEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processes born while ward watches the live host for {@code duration}: /proc is listed every
 * {@value #POLL_MILLIS} ms and each process not in the listing before read at first sight, so jobs that come and go (cron's
 * children, a downloader run every few minutes) are seen and counted. One that starts and ends
 * between two looks is missed: this is sampling, not an audit trail.
 */
public final class WatchCollector implements Collector<ProcessEntry> {
    static final long POLL_MILLIS = 50;

    private final Duration duration;

    public WatchCollector(Duration duration) {
        this.duration = duration;
    }

    @Override
    public String source() {
        return "watched_processes";
    }

    @Override
    public Class<ProcessEntry> type() {
        return ProcessEntry.class;
    }

    @Override
    public CollectResult<ProcessEntry> collect(Scan scan) {
        HostRoot root = scan.root();
        if (!root.isLive() || duration.isZero()) {
            return new CollectResult<>(List.of(), List.of());
        }
        Map<Long, String> users = AccountsCollector.names(scan);
        Instant boot = ProcessCollector.bootTime(root);
        List<ProcessEntry> born = new ArrayList<>();
        try {
            Set<Integer> before = ProcessViews.byGetdents(root);
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(POLL_MILLIS);
                Set<Integer> now = ProcessViews.byGetdents(root);
                for (int pid : now) {
                    if (!before.contains(pid)) {
                        ProcessCollector.read(root, pid, boot, users).ifPresent(born::add);
                    }
                }
                before = now;
            }
        } catch (HostException e) {
            return new CollectResult<>(born, List.of(new CollectionError(source(), "/proc", e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CollectResult<>(born, List.of());
    }
}
