package dev.ward.detect.checks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads record components by name, the way checks name fields. A dotted name walks into nested
 * records and maps ({@code owner.name}, {@code env.LD_PRELOAD}); a missing map key or a null on
 * the way gives null. Accessors are looked up once per class.
 */
public final class RecordFields {
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> out = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                try {
                    // Records declared inside a non-public class have public accessors that
                    // reflection still refuses to call without this.
                    m.setAccessible(true);
                } catch (RuntimeException ignored) {
                    // In a module that does not open its package: public records still work.
                }
                out.put(c.getName(), m);
            }
            return Collections.unmodifiableMap(out);
        }
    };

    private RecordFields() {
    }

    /** The component names of a record class, in declaration order. */
    public static Set<String> names(Class<? extends Record> type) {
        return ACCESSORS.get(type).keySet();
    }

    /** The value at a dotted field name, or null when a step is null or absent. */
    public static Object get(Record record, String dotted) {
        return get(record, List.of(dotted.split("\\.", -1)));
    }

    static Object get(Object root, List<String> path) {
        Object v = root;
        for (String step : path) {
            v = switch (v) {
                case null -> null;
                case Optional<?> o -> step(o.orElse(null), step);
                default -> step(v, step);
            };
        }
        return v;
    }

    private static Object step(Object v, String name) {
        return switch (v) {
            case null -> null;
            case Record r -> component(r, name);
            case Map<?, ?> m -> m.get(name);
            default -> null;
        };
    }

    private static Object component(Record r, String name) {
        Method m = ACCESSORS.get(r.getClass()).get(name);
        if (m == null) {
            return null;
        }
        try {
            return m.invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + name, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + r.getClass().getSimpleName() + "." + name
                    + " failed: " + message(e.getCause()), e.getCause());
        }
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** All components of a record, in declaration order; for evidence of nested records. */
    static Map<String, Object> asMap(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names(r.getClass())) {
            out.put(name, component(r, name));
        }
        return out;
    }

    /**
     * Why a dotted field cannot exist on a record class, or null when it can. Past a map, an
     * interface (a sealed family of records, say) or Object, the runtime type decides, so anything
     * is accepted there; at run time a missing step reads as null.
     */
    static String problem(Class<? extends Record> type, List<String> path) {
        Type t = type;
        for (int i = 0; i < path.size(); i++) {
            Class<?> raw = raw(t);
            if (raw == Optional.class && t instanceof ParameterizedType pt) {
                t = pt.getActualTypeArguments()[0];
                raw = raw(t);
            }
            String where = String.join(".", path.subList(0, i));
            if (Collection.class.isAssignableFrom(raw)) {
                return "field '" + where + "' is a list; fields of its elements cannot be named";
            }
            if (Map.class.isAssignableFrom(raw) || raw == Object.class || raw.isInterface()) {
                return null;
            }
            if (!raw.isRecord()) {
                return "field '" + where + "' is a " + raw.getSimpleName() + " and has no field '" + path.get(i) + "'";
            }
            RecordComponent c = find(raw, path.get(i));
            if (c == null) {
                return "unknown field '" + String.join(".", path.subList(0, i + 1)) + "' for records of type "
                        + raw.getSimpleName() + " (fields: " + String.join(", ", ACCESSORS.get(raw).keySet()) + ")";
            }
            t = c.getGenericType();
        }
        return null;
    }

    private static RecordComponent find(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Class<?> raw(Type t) {
        return switch (t) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            default -> Object.class;
        };
    }
}
