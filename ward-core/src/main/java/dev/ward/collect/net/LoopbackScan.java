package dev.ward.collect.net;

import dev.ward.host.ProcessViews;
import java.io.IOException;
import java.net.InetAddress;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A TCP connect scan of every port of a loopback address, to compare what answers with what the
 * kernel's tables list: a port that accepts a connection and that no table shows is hidden by a
 * rootkit hooking /proc/net. One socket tries port after port ({@link ProcessViews#tcpAnswering}),
 * since a closed loopback port refuses at once; every port of 127.0.0.1 takes a fraction of a second.
 */
public final class LoopbackScan {
    private LoopbackScan() {
    }

    /** The ports of {@code address} (127.0.0.1, ::1) from {@code from} to {@code to} that accept a connection. */
    public static Set<Integer> answering(InetAddress address, int from, int to) throws IOException {
        BitSet open = ProcessViews.tcpAnswering(address.getAddress(), from, to);
        if (open == null) {
            throw new IOException("no socket could be made for " + address.getHostAddress());
        }
        Set<Integer> out = new TreeSet<>();
        open.stream().forEach(out::add);
        return out;
    }
}
