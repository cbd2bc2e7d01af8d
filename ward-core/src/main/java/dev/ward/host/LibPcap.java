package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;
import java.util.Optional;

/** libpcap, found under the names Debian, Fedora and a development package give it; empty when not installed. */
final class LibPcap {
    private static final List<String> NAMES = List.of("libpcap.so.1", "libpcap.so.0.8", "libpcap.so");

    private LibPcap() {
    }

    static Optional<SymbolLookup> lookup() {
        for (String name : NAMES) {
            try {
                return Optional.of(SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (IllegalArgumentException e) {
                // not this name; try the next
            }
        }
        return Optional.empty();
    }
}
