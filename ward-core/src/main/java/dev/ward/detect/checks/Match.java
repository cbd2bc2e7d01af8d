package dev.ward.detect.checks;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A check's condition over one record: combinators over field tests. Negated operators of the YAML
 * form ({@code not_equals}, {@code not_in}, {@code not_regex}) load as {@link Not} around the
 * positive test, so they are exact negations: they also hold when the field is null.
 *
 * <p>Field tests over a {@code List} value hold when any element passes; {@link Exists} is the
 * exception and looks at the list itself. Parameters are already resolved to values when a Match
 * is built, and regexes and globs already compiled.
 */
public sealed interface Match {

    boolean test(Record record);

    /** Every field the expression reads, for validation against a record class. */
    default Stream<FieldRef> fields() {
        return switch (this) {
            case All a -> a.items().stream().flatMap(Match::fields);
            case AnyOf a -> a.items().stream().flatMap(Match::fields);
            case Not n -> n.inner().fields();
            case FieldTest f -> Stream.of(f.field());
            case Exists e -> Stream.of(e.field());
        };
    }

    record All(List<Match> items) implements Match {
        public All {
            items = List.copyOf(items);
        }

        @Override
        public boolean test(Record record) {
            return items.stream().allMatch(m -> m.test(record));
        }
    }

    /** {@code any:} in YAML; named so it does not shadow {@code java.lang} or stream names. */
    record AnyOf(List<Match> items) implements Match {
        public AnyOf {
            items = List.copyOf(items);
        }

        @Override
        public boolean test(Record record) {
            return items.stream().anyMatch(m -> m.test(record));
        }
    }

    record Not(Match inner) implements Match {
        @Override
        public boolean test(Record record) {
            return !inner.test(record);
        }
    }

    /** Non-null and, for strings, lists and maps, non-empty; or the opposite when expected is false. */
    record Exists(FieldRef field, boolean expected) implements Match {
        @Override
        public boolean test(Record record) {
            return Values.present(field.read(record)) == expected;
        }
    }

    /** A test of one field's value, applied to each element when the value is a list. */
    sealed interface FieldTest extends Match {
        FieldRef field();

        boolean testValue(Object value);

        @Override
        default boolean test(Record record) {
            Object v = field().read(record);
            if (v instanceof List<?> list) {
                return list.stream().anyMatch(this::testValue);
            }
            return testValue(v);
        }
    }

    record Equals(FieldRef field, Object value) implements FieldTest {
        @Override
        public boolean testValue(Object v) {
            return Values.same(v, value);
        }
    }

    record In(FieldRef field, List<?> values) implements FieldTest {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean testValue(Object v) {
            return values.stream().anyMatch(e -> Values.same(v, e));
        }
    }

    /** Java regex with find semantics: anchor with ^ and $ to match the whole value. */
    record Regex(FieldRef field, Pattern pattern) implements FieldTest {
        @Override
        public boolean testValue(Object v) {
            String text = Values.text(v);
            return text != null && pattern.matcher(text).find();
        }
    }

    /** A path glob over the whole display form; see {@link PathGlob}. */
    record Glob(FieldRef field, String glob, Pattern pattern) implements FieldTest {
        @Override
        public boolean testValue(Object v) {
            String text = Values.text(v);
            return text != null && pattern.matcher(text).matches();
        }
    }

    record Compare(FieldRef field, Comparison op, BigDecimal bound) implements FieldTest {
        @Override
        public boolean testValue(Object v) {
            BigDecimal n = Values.number(v);
            return n != null && op.holds(n.compareTo(bound));
        }
    }

    /** The numeric operators; values that are not numbers never compare. */
    enum Comparison {
        GT("gt"), GE("ge"), LT("lt"), LE("le");

        private final String key;

        Comparison(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        boolean holds(int cmp) {
            return switch (this) {
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
            };
        }
    }
}
