package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {
  private static final String TYPE = "microsoft.graph.security.ediscoveryCase";

  private static JsonObject read(String body) {
    return JsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsOneObject() {
    assertThat(read(" {\"displayName\": \"Case 1\", \"n\": [1, {\"a\": null}]} \n").toString())
        .isEqualTo("{\"displayName\":\"Case 1\",\"n\":[1,{\"a\":null}]}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"displayName\": ",
        "{displayName: 1}",
        "{} x",
        "{}{}",
        "nul",
        "{\"a\":1,}",
        "{\"a\": 1e2147483648}",
        "{\"a\": [{\"b\": -7E-99999999999}]}"
      })
  void malformedJsonIsABadRequest(String body) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.badRequest);
              assertThat(e.getMessage()).startsWith("The request body");
            });
  }

  @Test
  void refusesEmptyBodiesNonObjectsAndDuplicateNames() {
    assertThatThrownBy(() -> read(""))
        .hasMessage("The request body is empty; a JSON object is required.");
    assertThatThrownBy(() -> read("  \n"))
        .hasMessage("The request body is empty; a JSON object is required.");
    assertThatThrownBy(() -> JsonBody.read(null))
        .hasMessage("The request body is empty; a JSON object is required.");
    assertThatThrownBy(() -> read("[{}]")).hasMessage("The request body must be a JSON object.");
    assertThatThrownBy(() -> read("\"text\""))
        .hasMessage("The request body must be a JSON object.");
    assertThatThrownBy(() -> read("{\"a\": {\"b\": 1, \"b\": 2}}"))
        .hasMessageContaining("the name 'b' appears twice");
  }

  @Test
  void refusesBodiesAboveTheLimit() {
    String big = "{\"description\": \"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";
    assertThatThrownBy(() -> read(big))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void typedPropertiesGivePreciseMessages() {
    JsonBody body =
        JsonBody.of(
            Json.object("{'displayName': 5, 'blank': ' ', 'nothing': null, 'long': 'abcd'}"), TYPE);

    assertThatThrownBy(() -> body.requiredString("displayName", 256))
        .hasMessage("The property 'displayName' must be a string, not a number.");
    assertThatThrownBy(() -> body.requiredString("missing", 256))
        .hasMessage("The property 'missing' is required.");
    assertThatThrownBy(() -> body.requiredString("blank", 256))
        .hasMessage("The property 'blank' must not be empty.");
    assertThatThrownBy(() -> body.nonNullString("nothing", 256))
        .hasMessage("The property 'nothing' must not be null.");
    assertThatThrownBy(() -> body.optionalString("long", 3))
        .hasMessage("The property 'long' must be at most 3 characters long.");
    assertThat(body.optionalString("nothing", 10)).isNull();
    assertThat(body.optionalString("absent", 10)).isNull();
    assertThat(body.nonNullString("absent", 10)).isNull();
  }

  @Test
  void unknownPropertiesAreRefusedButAnnotationsAndIgnoredOnesAreNot() {
    JsonBody body =
        JsonBody.of(
            Json.object(
                "{'displayName': 'a', 'id': 'x', '@odata.context': 'c', 'createdBy@odata.type': 't', 'extra': 1}"),
            TYPE);
    body.requiredString("displayName", 10);
    body.ignore("id");

    assertThatThrownBy(body::rejectUnknown)
        .hasMessage(
            "The property 'extra' does not exist on type 'microsoft.graph.security.ediscoveryCase'.");
  }

  @Test
  void readOnlyPropertiesAreRefused() {
    JsonBody body = JsonBody.of(Json.object("{'status': 'closed'}"), TYPE);
    assertThatThrownBy(() -> body.readOnly("id", "status"))
        .hasMessage("The property 'status' is read-only.");
  }

  @Test
  void odataTypeMustNameTheExpectedTypeWithOrWithoutHash() {
    JsonBody.of(Json.object("{'@odata.type': '#microsoft.graph.security.ediscoveryCase'}"), TYPE)
        .expectType(TYPE);
    JsonBody.of(Json.object("{'@odata.type': 'microsoft.graph.security.ediscoveryCase'}"), TYPE)
        .expectType(TYPE);
    JsonBody.of(Json.object("{}"), TYPE).expectType(TYPE);

    assertThatThrownBy(
            () ->
                JsonBody.of(
                        Json.object("{'@odata.type': '#microsoft.graph.security.userSource'}"),
                        TYPE)
                    .expectType(TYPE, "microsoft.graph.security.x"))
        .hasMessage(
            "The @odata.type '#microsoft.graph.security.userSource' does not match the expected type"
                + " #microsoft.graph.security.ediscoveryCase or #microsoft.graph.security.x.");
    assertThatThrownBy(() -> JsonBody.of(Json.object("{'@odata.type': 3}"), TYPE).expectType(TYPE))
        .hasMessage("The property '@odata.type' must be a string, not a number.");
  }

  @Test
  void aFlagsPropertySentAsAnArrayIsRefusedWithTheStringThatWouldBeRight() {
    JsonBody body =
        JsonBody.of(
            Json.object(
                "{'exportOptions': ['originalFiles', ' text'], 'b': [], 'c': 'tags', 'd': null}"),
            TYPE);

    assertThatThrownBy(() -> body.optionalFlags("exportOptions", 1000))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.invalidRequest);
            })
        .hasMessage(
            "The property 'exportOptions' takes its members' names in one string, joined by"
                + " commas (here \"originalFiles,text\"), not an array.");
    assertThatThrownBy(() -> body.optionalFlags("b", 1000))
        .hasMessage(
            "The property 'b' takes its members' names in one string, joined by commas (such as"
                + " \"first,second\"), not an array.");
    assertThat(body.optionalFlags("c", 1000)).isEqualTo("tags");
    assertThat(body.optionalFlags("d", 1000)).isNull();
    assertThat(body.optionalFlags("absent", 1000)).isNull();
  }
}
