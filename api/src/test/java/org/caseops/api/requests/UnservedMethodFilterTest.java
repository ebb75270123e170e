package org.caseops.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose method the server never serves end their connection with their answer; a {@code
 * CONNECT}'s body is marked empty in the HTTP layer, so that the layer does not wait for one.
 */
class UnservedMethodFilterTest {

  /** Stands for Grizzly's HTTP request packet, a class that is not public. */
  static class Packet extends PublicPacket {}

  /** Stands for Grizzly's public HttpHeader, which declares setExpectContent. */
  public static class PublicPacket {
    Boolean expectContent;

    public void setExpectContent(boolean expect) {
      expectContent = expect;
    }
  }

  /** Stands for Grizzly's request. */
  public static class GrizzlyRequest {
    final Packet packet = new Packet();

    public PublicPacket getRequest() {
      return packet;
    }
  }

  /** Stands for Payara's connector request. */
  public static class ContainerRequest {
    final GrizzlyRequest grizzly = new GrizzlyRequest();

    public GrizzlyRequest getCoyoteRequest() {
      return grizzly;
    }
  }

  /** Stands for Payara's request facade: the servlet request with the container's behind it. */
  public interface Facade extends HttpServletRequest {
    ContainerRequest getUnwrappedCoyoteRequest();
  }

  private static Facade facade(String method) {
    ContainerRequest container = new ContainerRequest();
    return (Facade)
        Proxy.newProxyInstance(
            Facade.class.getClassLoader(),
            new Class<?>[] {Facade.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getUnwrappedCoyoteRequest" -> container;
                  default -> null;
                });
  }

  private static Boolean expectContent(Facade request) {
    return request.getUnwrappedCoyoteRequest().grizzly.packet.expectContent;
  }

  private static Map<String, String> filter(HttpServletRequest request) throws Exception {
    Map<String, String> headers = new HashMap<>();
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                  if (m.getName().equals("setHeader")) {
                    headers.put((String) a[0], (String) a[1]);
                  }
                  return null;
                });
    AtomicBoolean passedOn = new AtomicBoolean();
    FilterChain chain = (req, res) -> passedOn.set(true);
    new UnservedMethodFilter().doFilter(request, response, chain);
    assertThat(passedOn).as("the request still goes on to its Graph error").isTrue();
    return headers;
  }

  @Test
  void aConnectClosesItsConnectionAndHasNoBodyToWaitFor() throws Exception {
    Facade request = facade("CONNECT");

    Map<String, String> headers = filter(request);

    assertThat(headers).containsEntry("Connection", "close");
    assertThat(expectContent(request)).isFalse();
  }

  @Test
  void aConnectBehindAWrapperIsMarkedToo() throws Exception {
    Facade request = facade("CONNECT");

    filter(new HttpServletRequestWrapper(request));

    assertThat(expectContent(request)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "FOO", "PROPFIND", "get"})
  void otherMethodsTheServerNeverServesCloseTheirConnectionAndKeepTheirBody(String method)
      throws Exception {
    Facade request = facade(method);

    assertThat(filter(request)).containsEntry("Connection", "close");
    assertThat(expectContent(request)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void servedMethodsKeepTheirConnection(String method) throws Exception {
    Facade request = facade(method);

    assertThat(filter(request)).doesNotContainKey("Connection");
    assertThat(expectContent(request)).isNull();
  }

  @Test
  void anotherRuntimesRequestIsLeftAsItIs() {
    HttpServletRequest plain =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> null);

    assertThat(UnservedMethodFilter.endBodyHere(plain)).isFalse();
  }
}
