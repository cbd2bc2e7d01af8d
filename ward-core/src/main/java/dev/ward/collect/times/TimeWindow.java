package dev.ward.collect.times;

import dev.ward.host.FileStat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A span of time and the file times looked at within it, as {@code find -mtime/-ctime/-amin}
 * would: a file matches when any of the chosen times falls in {@code [from, to]}.
 */
public record TimeWindow(Instant from, Instant to, Set<Kind> kinds) {
    /** The four times statx(2) can give; birth only where the filesystem records it. */
    public enum Kind {
        MTIME('m', FileStat::mtime), CTIME('c', FileStat::ctime), ATIME('a', FileStat::atime), BIRTH('b', FileStat::birth);

        private final char letter;
        private final Function<FileStat, Instant> time;

        Kind(char letter, Function<FileStat, Instant> time) {
            this.letter = letter;
            this.time = time;
        }

        public Instant of(FileStat st) {
            return time.apply(st);
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "m,c" or "mc" to kinds; letters or names (mtime, ctime, atime, birth). */
        public static Set<Kind> parse(String text) {
            Set<Kind> out = EnumSet.noneOf(Kind.class);
            for (String word : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                List<Kind> found = new ArrayList<>();
                for (Kind k : values()) {
                    if (word.equals(k.label()) || (word.length() == 1 && word.charAt(0) == k.letter)) {
                        found.add(k);
                    }
                }
                if (found.isEmpty() && word.chars().allMatch(c -> "mcab".indexOf(c) >= 0)) {
                    word.chars().forEach(c -> found.add(ofLetter((char) c)));
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("unknown time '" + word + "' (m, c, a or b: mtime, ctime, atime, birth)");
                }
                out.addAll(found);
            }
            return out;
        }

        private static Kind ofLetter(char c) {
            for (Kind k : values()) {
                if (k.letter == c) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown time letter " + c);
        }
    }

    public TimeWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        kinds = Set.copyOf(kinds);
    }

    /** The last {@code span} up to {@code now}. */
    public static TimeWindow since(Duration span, Instant now, Set<Kind> kinds) {
        return new TimeWindow(now.minus(span), now, kinds);
    }

    /** The kinds of time that fall in the window, in the order m, c, a, b. */
    public List<Kind> matches(FileStat st) {
        List<Kind> out = new ArrayList<>(2);
        for (Kind k : Kind.values()) {
            Instant t = kinds.contains(k) ? k.of(st) : null;
            if (t != null && !t.isBefore(from) && !t.isAfter(to)) {
                out.add(k);
            }
        }
        return out;
    }

    /** "90m", "36h", "7d", "2w", or ISO-8601 "PT90M"; seconds with "s", milliseconds with "ms"; "0". */
    public static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.matches("[0-9]+ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (!t.matches("[0-9]+[smhdw]")) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90m, 36h, 7d, 2w)");
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** An instant as "2026-11-28T10:00:00Z", with an offset, as a local date-time in UTC, or a date (its start, UTC). */
    public static Instant instant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset; try the shorter forms
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date-time either
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: '" + text + "' (e.g. 2026-11-28T10:00:00Z or 2026-11-28)");
        }
    }
}
