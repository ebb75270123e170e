package org.caseops.api.testing;

import java.lang.reflect.Field;

/** Sets private fields of domain entities that only the database or a job would change. */
public final class Fields {
  private Fields() {}

  public static <T> T set(T target, String name, Object value) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
        return target;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no field " + name + " in " + target.getClass());
  }
}
