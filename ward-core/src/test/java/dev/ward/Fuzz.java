package dev.ward;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seeded mutational fuzzer for ward's binary parsers: inputs are made from real files by flipping
 * bits, setting bytes and 32-bit words to boundary values (0, -1, the largest ints, lengths near a
 * word's offset), cutting, duplicating, deleting and inserting runs, and splicing two seeds. The same
 * seed gives the same inputs, so a failure names the input by its number and is written to
 * {@code target/fuzz-failures} to be replayed.
 *
 * <p>{@link #run} asserts the parser's contract on hostile input: it returns, or throws only the
 * bad-input exceptions the caller allows; and every input finishes within a bound (a parser that
 * loops is reported with the input it loops on, not left to hang the build).
 */
public final class Fuzz {
    /** The inputs of a run, one by one; an exception of an allowed type is a refused input, not a failure. */
    @FunctionalInterface
    public interface Target {
        void accept(byte[] input) throws Exception;
    }

    private static final int[] WORDS = {0, -1, 1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0x7fff, 12, 16, 384, 1 << 26};

    private Fuzz() {
    }

    /**
     * Feeds {@code count} inputs mutated from {@code seeds} to {@code target}, mutations confined to
     * the bytes at or after {@code from} (0 for anywhere), so that what comes before can be checked.
     */
    public static void run(String name, List<byte[]> seeds, int from, int count, long seed, Duration perInput,
                           Set<Class<? extends Throwable>> allowed, Target target) {
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true); // an input that loops for ever must not keep the JVM alive
            return t;
        });
        try {
            for (int i = 0; i < count; i++) {
                byte[] input = mutate(random, seeds, from);
                Future<?> done = worker.submit(() -> {
                    target.accept(input);
                    return null;
                });
                try {
                    done.get(perInput.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    fail(name + ": input " + i + " of seed " + seed + " ran over " + perInput + keep(name, i, input));
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (allowed.stream().noneMatch(c -> c.isInstance(cause))) {
                        throw new AssertionError(name + ": input " + i + " of seed " + seed + " threw "
                                + cause + keep(name, i, input), cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** One input: a seed, changed by one to four mutations at or after {@code from}. */
    public static byte[] mutate(Random r, List<byte[]> seeds, int from) {
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            b = once(r, b, Math.min(from, b.length), seeds);
        }
        return b;
    }

    private static byte[] once(Random r, byte[] b, int from, List<byte[]> seeds) {
        int span = b.length - from;
        int at = from + (span <= 0 ? 0 : r.nextInt(span));
        return switch (r.nextInt(9)) {
            case 0 -> { // a bit flipped
                if (span > 0) {
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                yield b;
            }
            case 1 -> { // a byte set to a boundary value
                if (span > 0) {
                    b[at] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 0x0a, '/'}[r.nextInt(6)];
                }
                yield b;
            }
            case 2 -> { // a 32-bit word set to a boundary value, either byte order
                if (b.length - at >= 4) {
                    int v = WORDS[r.nextInt(WORDS.length)];
                    if (r.nextBoolean()) {
                        v = Integer.reverseBytes(v);
                    }
                    for (int i = 0; i < 4; i++) {
                        b[at + i] = (byte) (v >>> (24 - 8 * i));
                    }
                }
                yield b;
            }
            case 3 -> Arrays.copyOf(b, at); // cut short
            case 4 -> { // a run deleted
                int len = Math.min(b.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                yield out;
            }
            case 5 -> { // a run duplicated in place
                int len = Math.min(b.length - at, 1 + r.nextInt(512));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                yield out;
            }
            case 6 -> { // random bytes inserted
                byte[] junk = new byte[1 + r.nextInt(32)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                yield out;
            }
            case 7 -> { // a run zeroed, as a log cleaner leaves it
                Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(1024)), (byte) 0);
                yield b;
            }
            default -> { // the tail of another seed spliced on
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int cut = other.length == 0 ? 0 : r.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, at + other.length - cut);
                System.arraycopy(other, cut, out, at, other.length - cut);
                yield out;
            }
        };
    }

    /** Writes a failing input where it can be replayed, and says where. */
    private static String keep(String name, int index, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path file = dir.resolve(name + "-" + index + ".bin");
            Files.write(file, input);
            return " (" + input.length + " bytes, kept in " + file.toAbsolutePath() + "; starts "
                    + HexFormat.of().formatHex(input, 0, Math.min(input.length, 48)) + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
