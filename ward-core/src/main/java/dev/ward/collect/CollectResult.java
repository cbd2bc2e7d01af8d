package dev.ward.collect;

import dev.ward.model.CollectionError;
import java.util.List;

/** Records of one source, and what could not be read. Partial results are normal. */
public record CollectResult<R>(List<R> records, List<CollectionError> errors) {
    public CollectResult {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }
}
