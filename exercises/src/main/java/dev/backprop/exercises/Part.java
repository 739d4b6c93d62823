package dev.backprop.exercises;

import dev.backprop.core.matrix.Matrix;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** One named value of a function's result: {@code W1} of the parameters, {@code A2} of the cache, the cost. */
public record Part(String name, Object value) {

    /**
     * The parts of a result: a record's components by their names (a list component {@code weights} as
     * {@code weights[1]}, ...), anything else as one part called {@code name}.
     */
    public static List<Part> of(Object value, String name) {
        List<Part> parts = new ArrayList<>();
        if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
                }
                if (v instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        parts.add(new Part(c.getName() + "[" + i + "]", list.get(i)));
                    }
                } else {
                    parts.add(new Part(c.getName(), v));
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                parts.add(new Part(name + "[" + i + "]", list.get(i)));
            }
        } else {
            parts.add(new Part(name, value));
        }
        return parts;
    }

    /** Every matrix inside a value (records, lists, arrays), for the in-place check. */
    static void matrices(Object value, List<Matrix> into) {
        if (value instanceof Matrix m) {
            into.add(m);
        } else if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    matrices(c.getAccessor().invoke(record), into);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> matrices(v, into));
        } else if (value instanceof Object[] array) {
            for (Object v : array) {
                matrices(v, into);
            }
        }
    }
}
