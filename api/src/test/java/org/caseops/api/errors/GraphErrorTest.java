package org.caseops.api.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphErrorTest {

  @Test
  void writesTheGraphErrorBody() {
    JsonObject json =
        new GraphError(ErrorCode.itemNotFound, "No ediscoveryCase with id 'x'.")
            .toJson("req-1", "client-1", Instant.parse("2023-12-12T14:07:16.987654Z"));

    assertThat(json.keySet()).containsExactly("error");
    JsonObject error = json.getJsonObject("error");
    assertThat(error.keySet()).containsExactly("code", "message", "innerError");
    assertThat(error.getString("code")).isEqualTo("itemNotFound");
    assertThat(error.getString("message")).isEqualTo("No ediscoveryCase with id 'x'.");
    JsonObject inner = error.getJsonObject("innerError");
    assertThat(inner.getString("date")).isEqualTo("2023-12-12T14:07:16");
    assertThat(inner.getString("request-id")).isEqualTo("req-1");
    assertThat(inner.getString("client-request-id")).isEqualTo("client-1");
  }

  @ParameterizedTest
  @CsvSource({
    "400, badRequest",
    "404, itemNotFound",
    "405, notSupported",
    "406, notSupported",
    "415, notSupported",
    "409, invalidRequest",
    "413, invalidRequest",
    "414, invalidRequest",
    "431, invalidRequest",
    "500, generalException",
    "503, generalException"
  })
  void mapsRuntimeStatusesToCodes(int status, String code) {
    assertThat(GraphError.forHttpStatus(status, "PUT", "/v1.0/x").code().name()).isEqualTo(code);
  }

  @Test
  void runtimeMessagesNameTheMethodAndPath() {
    assertThat(
            GraphError.forHttpStatus(405, "PUT", "/v1.0/security/cases/ediscoveryCases").message())
        .isEqualTo("The method PUT is not supported on '/v1.0/security/cases/ediscoveryCases'.");
    assertThat(GraphError.forHttpStatus(404, "GET", "/v1.0/nothing").message())
        .contains("'/v1.0/nothing'");
  }

  @Test
  void clipsEchoedInput() {
    assertThat(GraphError.clip("a".repeat(500))).hasSize(203).endsWith("...");
    assertThat(GraphError.clip(null)).isEmpty();
  }

  @Test
  void apiExceptionFactoriesCarryStatusAndCode() {
    assertThat(ApiException.notFound("m"))
        .extracting(ApiException::status, ApiException::code)
        .containsExactly(404, ErrorCode.itemNotFound);
    assertThat(ApiException.conflict("m"))
        .extracting(ApiException::status, ApiException::code)
        .containsExactly(409, ErrorCode.conflict);
    assertThat(ApiException.notSupported("m"))
        .extracting(ApiException::status, ApiException::code)
        .containsExactly(400, ErrorCode.notSupported);
    assertThat(ApiException.serverError("m"))
        .extracting(ApiException::status, ApiException::code)
        .containsExactly(500, ErrorCode.generalException);
    assertThatThrownBy(() -> new GraphError(null, "m")).isInstanceOf(NullPointerException.class);
  }
}
