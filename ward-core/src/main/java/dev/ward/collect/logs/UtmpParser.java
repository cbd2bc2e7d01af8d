package dev.ward.collect.logs;

import dev.ward.host.HostRoot;
import dev.ward.model.UtmpRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pure: the binary records of utmp, wtmp and btmp, fed in order as the file's bytes and its holes
 * (zeros not read), in bounded memory whatever the file's size. glibc's {@code struct utmp} is 384
 * bytes on x86-64 and 400 on other 64-bit machines (see {@link UtmpLayout}). A run of consecutive
 * records of zero bytes, written or a hole, is one {@link UtmpRecord#zeroedRun}. Bad input is a
 * problem naming its offset, never fatal: a last record cut short (a crash or a truncation while
 * it was written), an impossible time, more records than {@code limit} (the rest is not read).
 */
public final class UtmpParser implements HostRoot.SparseConsumer {
    /** The records and runs read, the layout, and the problems met, each "offset N: what", in order. */
    public record Result(List<UtmpRecord> records, UtmpLayout layout, List<String> problems) {
    }

    private static final int MAX_PROBLEMS = 10;

    private final String file;
    private final long size;
    private final int limit;
    private final byte[] head;
    private int headFill;
    private UtmpLayout layout;
    private byte[] record;
    private int recordFill;
    /** The offset of the next record to be completed. */
    private long at;
    private long runStart;
    private long runCount;
    private boolean full;
    private final List<UtmpRecord> out = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int unlisted;

    /**
     * A parser of the file named {@code file} (as records name it) of {@code size} bytes, which
     * with the first records tells the layout, keeping at most {@code limit} records and runs.
     */
    public UtmpParser(String file, long size, int limit) {
        this.file = file;
        this.size = size;
        this.limit = limit;
        this.head = new byte[(int) Math.clamp(size, 0, UtmpLayout.HEAD_BYTES)];
    }

    /** The records of a whole file's bytes, naming no file. */
    public static Result parse(byte[] data) {
        UtmpParser p = new UtmpParser("", data.length, Integer.MAX_VALUE);
        p.data(ByteBuffer.wrap(data));
        return p.finish();
    }

    /** The next bytes of the file; false once the limit is reached. */
    @Override
    public boolean data(ByteBuffer chunk) {
        if (full) {
            return false;
        }
        int n = chunk.remaining();
        byte[] b = chunk.hasArray() ? chunk.array() : new byte[n];
        int from = chunk.hasArray() ? chunk.arrayOffset() + chunk.position() : 0;
        if (!chunk.hasArray()) {
            chunk.duplicate().get(b);
        }
        if (layout == null) {
            int k = Math.min(n, head.length - headFill);
            System.arraycopy(b, from, head, headFill, k);
            from += k;
            n -= k;
            headFilled(k);
        }
        if (layout != null) {
            records(b, from, n);
        }
        return !full;
    }

    /** The next {@code length} bytes are zeros that were not read; false once the limit is reached. */
    @Override
    public boolean hole(long length) {
        if (full) {
            return false;
        }
        if (layout == null) {
            int k = (int) Math.min(length, head.length - headFill);
            length -= k;
            headFilled(k); // the head's bytes past what was filled are zeros
        }
        if (layout != null && length > 0) {
            zeros(length);
        }
        return !full;
    }

    /** The records read; a record left incomplete is a problem. */
    public Result finish() {
        if (layout == null) {
            start();
        }
        if (recordFill > 0 && !full) {
            problem("record cut short (" + recordFill + " of " + layout.size + " bytes)", at);
        }
        flushRun();
        if (unlisted > 0) {
            problems.add(unlisted + " more problems not listed");
        }
        return new Result(out, layout, problems);
    }

    /** {@code k} more bytes of the head are there: the layout is told once it is whole. */
    private void headFilled(int k) {
        headFill += k;
        if (headFill == head.length) {
            start();
        }
    }

    /** Tells the layout from the head, then reads the head's records. */
    private void start() {
        layout = UtmpLayout.of(head, headFill, size);
        record = new byte[layout.size];
        records(head, 0, headFill);
    }

    private void records(byte[] b, int from, int n) {
        int end = from + n;
        if (recordFill > 0) {
            int k = Math.min(n, layout.size - recordFill);
            System.arraycopy(b, from, record, recordFill, k);
            recordFill += k;
            from += k;
            if (recordFill < layout.size) {
                return;
            }
            recordFill = 0;
            take(record, 0);
        }
        for (; from + layout.size <= end && !full; from += layout.size) {
            take(b, from);
        }
        if (!full) {
            recordFill = end - from;
            System.arraycopy(b, from, record, 0, recordFill);
        }
    }

    private void zeros(long n) {
        if (recordFill > 0) {
            int k = (int) Math.min(n, layout.size - recordFill);
            Arrays.fill(record, recordFill, recordFill + k, (byte) 0);
            recordFill += k;
            n -= k;
            if (recordFill < layout.size) {
                return;
            }
            recordFill = 0;
            take(record, 0);
        }
        long whole = n / layout.size;
        if (whole > 0 && !full && (runCount > 0 || room())) {
            runStart = runCount == 0 ? at : runStart;
            runCount += whole;
            at += whole * layout.size;
        }
        if (!full) {
            recordFill = (int) (n % layout.size);
            Arrays.fill(record, 0, recordFill, (byte) 0);
        }
    }

    /** The record at {@code b[from]}, which starts at offset {@link #at} of the file. */
    private void take(byte[] b, int from) {
        if (layout.isZeroed(b, from)) {
            if (runCount > 0 || room()) {
                runStart = runCount == 0 ? at : runStart;
                runCount++;
                at += layout.size;
            }
            return;
        }
        flushRun();
        if (room()) {
            out.add(layout.record(b, from, file, at, this::problem));
            at += layout.size;
        }
    }

    private void flushRun() {
        if (runCount > 0) {
            out.add(UtmpRecord.zeroedRun(file, runStart, runStart + runCount * layout.size - 1, runCount));
            runCount = 0;
        }
    }

    /** Whether one more record or run may be kept; once not, the rest of the file is not read. */
    private boolean room() {
        if (out.size() + (runCount > 0 ? 1 : 0) < limit) {
            return true;
        }
        if (!full) {
            full = true;
            problem("more than " + limit + " records; the rest is not read", at);
        }
        return false;
    }

    private void problem(String what, long offset) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("offset " + offset + ": " + what);
        } else {
            unlisted++;
        }
    }
}
