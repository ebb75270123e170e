package org.caseops.api.openapi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.spi.OASFactoryResolver;

/**
 * A MicroProfile OpenAPI model made of maps, for unit tests (the runtimes bring their own
 * implementation): every model object is a proxy that keeps what it is given by property name.
 * {@code x(v)} and {@code setX(v)} set {@code x}; {@code addX(v)} appends to the list {@code X};
 * {@code addX(k, v)} and {@code setX(k, v)} put into the map {@code X}; {@code getX()} reads {@code
 * x} (or, for a plural, the list or map {@code addX} filled), {@code getX(k)} reads the map {@code
 * X}. {@link #data} gives the maps to the tests.
 */
final class MapModels extends OASFactoryResolver {
  @Override
  public <T extends Constructible> T createObject(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(type.getSimpleName())));
  }

  /** What a model object was given. */
  static Map<String, Object> data(Object model) {
    return ((Handler) Proxy.getInvocationHandler(model)).data;
  }

  /** Whether the object is a model object of this factory. */
  static boolean isModel(Object value) {
    return value != null
        && Proxy.isProxyClass(value.getClass())
        && Proxy.getInvocationHandler(value) instanceof Handler;
  }

  private static final class Handler implements InvocationHandler {
    final String kind;
    final Map<String, Object> data = new LinkedHashMap<>();

    Handler(String kind) {
      this.kind = kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      String name = method.getName();
      int arity = args == null ? 0 : args.length;
      if (method.getDeclaringClass() == Object.class) {
        return switch (name) {
          case "toString" -> kind + data;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(name);
        };
      }
      if (name.startsWith("get") && arity == 0) {
        String property = name.substring(3);
        if (data.containsKey(decapitalize(property))) {
          return data.get(decapitalize(property));
        }
        // getPathItems() and the like: the map or list that addPathItem(...) filled.
        return data.get(singular(property));
      }
      if (name.startsWith("get") && arity == 1) {
        Object map = data.get(name.substring(3));
        return map == null ? null : ((Map<Object, Object>) map).get(args[0]);
      }
      if (name.startsWith("add") && arity == 1) {
        ((List<Object>) data.computeIfAbsent(name.substring(3), k -> new ArrayList<>()))
            .add(args[0]);
      } else if ((name.startsWith("add") || name.startsWith("set")) && arity == 2) {
        ((Map<Object, Object>) data.computeIfAbsent(name.substring(3), k -> new LinkedHashMap<>()))
            .put(args[0], args[1]);
      } else if (name.startsWith("set") && arity == 1) {
        data.put(decapitalize(name.substring(3)), args[0]);
      } else if (arity == 1) {
        data.put(name, args[0]);
      } else {
        throw new UnsupportedOperationException(kind + "." + name);
      }
      return method.getReturnType().isInstance(proxy) ? proxy : null;
    }

    private static String singular(String plural) {
      if (plural.endsWith("ies")) {
        return plural.substring(0, plural.length() - 3) + "y";
      }
      return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String decapitalize(String s) {
      return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
  }
}
