package dev.ward.collect;

/**
 * One data source of the host: reads files through the scan's {@link dev.ward.host.HostRoot} and
 * turns them into records, with a pure parser doing the parsing. A collector never throws for a
 * bad file: what it could not read becomes a {@link dev.ward.model.CollectionError} in the result.
 *
 * @param <R> the record type; YAML checks name its components as fields
 */
public interface Collector<R extends Record> {
    /** The source name YAML checks use ({@code source: accounts}). */
    String source();

    Class<R> type();

    CollectResult<R> collect(Scan scan);
}
