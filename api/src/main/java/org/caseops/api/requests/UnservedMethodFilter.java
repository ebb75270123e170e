package org.caseops.api.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the connection after answering a request whose method the server never serves ({@code
 * CONNECT}, {@code TRACE}, or one HTTP does not define): it gets its Graph error as before, from
 * the JAX-RS application or the container's error page, with {@code Connection: close}, and the
 * connection ends with the answer.
 *
 * <p>This matters for {@code CONNECT}. Payara's HTTP layer (Grizzly) takes everything a client
 * sends after a {@code CONNECT} for the request's body, up to the end of the connection (a tunnel),
 * so it drops the answer's {@code Content-Length} and then waits for that body to end: a client
 * that reads the answer to its end (there is no length, so to the end of the connection) waits
 * until one side times out. Here such a request is marked as having no body, so that Grizzly ends
 * it with its answer and, since the answer has no length, closes the connection. The mark is set
 * through Payara's request classes, looked up by name; on another runtime it is skipped.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnservedMethodFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(UnservedMethodFilter.class.getName());

  /** The methods caseops' resources and servlets answer. */
  static final Set<String> SERVED =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * Whether the answer to a request of this method ends its connection: every method the server
   * never serves.
   */
  public static boolean closesConnection(String method) {
    return method == null || !SERVED.contains(method);
  }

  /**
   * Whether the HTTP layer would take the rest of the connection for the request's body: {@code
   * CONNECT} (case-insensitive, as Grizzly compares it).
   */
  static boolean tunnels(String method) {
    return method != null && method.toUpperCase(Locale.ROOT).equals("CONNECT");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (closesConnection(method)) {
      response.setHeader("Connection", "close");
      if (tunnels(method)) {
        endBodyHere(request);
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Tells Payara's HTTP layer that the request has no body, as Grizzly's own HTTP client does for
   * its {@code CONNECT}s: the container's request ({@code getUnwrappedCoyoteRequest()}), its
   * Grizzly request ({@code getCoyoteRequest()}), that one's HTTP packet ({@code getRequest()}),
   * {@code setExpectContent(false)}. Returns whether it was set; nothing happens on a runtime
   * without these methods.
   */
  static boolean endBodyHere(ServletRequest request) {
    ServletRequest r = request;
    while (r instanceof ServletRequestWrapper w) {
      r = w.getRequest();
    }
    try {
      Object container = call(r, "getUnwrappedCoyoteRequest");
      Object grizzly = call(container, "getCoyoteRequest");
      Object packet = call(grizzly, "getRequest");
      if (packet == null) {
        return false;
      }
      publicMethod(packet.getClass(), "setExpectContent", boolean.class).invoke(packet, false);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "the request's body could not be marked empty", e);
      return false;
    }
  }

  private static Object call(Object target, String name) throws ReflectiveOperationException {
    if (target == null) {
      return null;
    }
    try {
      return publicMethod(target.getClass(), name).invoke(target);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The method as a public class or interface of {@code type} declares it, so that it can be called
   * on an instance of a class that is not public itself (Grizzly's request packets are).
   */
  static Method publicMethod(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (Modifier.isPublic(c.getModifiers())) {
        try {
          return c.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
          // look further up
        }
      }
      for (Class<?> i : c.getInterfaces()) {
        if (Modifier.isPublic(i.getModifiers())) {
          try {
            return i.getMethod(name, parameters);
          } catch (NoSuchMethodException e) {
            // the next one
          }
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name);
  }
}
