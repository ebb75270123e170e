package org.caseops.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error page for what the servlet container answers on its own: the Graph error body. */
class ContainerErrorServletTest {

  /** What the servlet answered. */
  private static final class Answer {
    int status;
    String contentType;
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    JsonObject error() {
      String text = body.toString(StandardCharsets.UTF_8);
      return Json.createReader(new StringReader(text)).readObject().getJsonObject("error");
    }
  }

  private static Answer serve(String method, Map<String, Object> attributes, String clientId)
      throws Exception {
    Map<String, Object> stored = new HashMap<>(attributes);
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) ->
                    switch (m.getName()) {
                      case "getMethod" -> method;
                      case "getRequestURI" -> ContainerErrorServlet.PATH;
                      case "getAttribute" -> stored.get((String) args[0]);
                      case "setAttribute" -> stored.put((String) args[0], args[1]);
                      case "getHeader" ->
                          "client-request-id".equalsIgnoreCase((String) args[0]) ? clientId : null;
                      default ->
                          m.getReturnType() == boolean.class
                              ? false
                              : m.getReturnType() == int.class || m.getReturnType() == long.class
                                  ? 0
                                  : null;
                    });
    Answer answer = new Answer();
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            answer.body.write(b);
          }
        };
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                  switch (m.getName()) {
                    case "setStatus" -> answer.status = (Integer) args[0];
                    case "setContentType" -> answer.contentType = (String) args[0];
                    case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> {
                      return out;
                    }
                    default -> {}
                  }
                  return m.getReturnType() == boolean.class ? false : null;
                });
    new ContainerErrorServlet().service(request, response);
    return answer;
  }

  private static Map<String, Object> error(int status, String uri) {
    return Map.of(
        RequestDispatcher.ERROR_STATUS_CODE, status, RequestDispatcher.ERROR_REQUEST_URI, uri);
  }

  @ParameterizedTest
  @CsvSource({
    "400, GET, badRequest",
    "404, GET, itemNotFound",
    "405, TRACE, notSupported",
    "406, GET, notSupported",
    "413, POST, invalidRequest",
    "414, GET, invalidRequest",
    "415, POST, notSupported",
    "431, GET, invalidRequest",
    "408, POST, invalidRequest",
    "503, GET, generalException"
  })
  void answersTheContainersStatusWithTheGraphErrorBody(int status, String method, String code)
      throws Exception {
    Answer answer = serve(method, error(status, "/v1.0/security/cases/x"), "client-7");

    assertThat(answer.status).isEqualTo(status);
    assertThat(answer.contentType).isEqualTo("application/json");
    JsonObject error = answer.error();
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getJsonObject("innerError").getString("client-request-id"))
        .isEqualTo("client-7");
    assertThat(answer.headers).containsEntry("client-request-id", "client-7");
    assertThat(answer.headers.get("request-id"))
        .isEqualTo(error.getJsonObject("innerError").getString("request-id"));
  }

  @Test
  void namesTheMethodAndThePathTheContainerRefused() throws Exception {
    JsonObject error = serve("TRACE", error(405, "/v1.0/security/cases"), null).error();

    assertThat(error.getString("message"))
        .isEqualTo("The method TRACE is not supported on '/v1.0/security/cases'.");
  }

  @ParameterizedTest
  @CsvSource({"FOO, /health", "PROPFIND, /health/live", "CONNECT, /metrics"})
  void aMethodAServletDoesNotKnowIsA405NotA501(String method, String path) throws Exception {
    Answer answer = serve(method, error(501, path), null);

    assertThat(answer.status).isEqualTo(405);
    assertThat(answer.error().getString("code")).isEqualTo("notSupported");
    assertThat(answer.error().getString("message"))
        .isEqualTo("The method " + method + " is not supported on '" + path + "'.");
  }

  @Test
  void anExceptionThatEscapedIsA500WithoutItsDetails() throws Exception {
    Answer answer =
        serve(
            "GET",
            Map.of(
                RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("password=hunter2"),
                RequestDispatcher.ERROR_REQUEST_URI,
                "/v1.0/x"),
            null);

    assertThat(answer.status).isEqualTo(500);
    assertThat(answer.error().getString("code")).isEqualTo("generalException");
    assertThat(answer.body.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
  }

  @Test
  void askedForDirectlyItIsNotFound() throws Exception {
    Answer answer = serve("GET", Map.of(), null);

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.error().getString("code")).isEqualTo("itemNotFound");
    assertThat(answer.error().getString("message")).contains(ContainerErrorServlet.PATH);
  }

  @Test
  void aHeadRequestGetsNoBody() throws Exception {
    Answer answer = serve("HEAD", error(404, "/v1.0/nothing"), null);

    assertThat(answer.status).isEqualTo(404);
    assertThat(answer.body.size()).isZero();
  }
}
