package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreferencesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "include-unknown-enum-members",
        "Include-Unknown-Enum-Members",
        " include-unknown-enum-members ",
        "odata.maxpagesize=10, include-unknown-enum-members",
        "respond-async,include-unknown-enum-members;foo=bar",
        "odata.callback; url=\"http://a/?x=1,2\", include-unknown-enum-members"
      })
  void findsThePreferenceAmongOthers(String header) {
    assertThat(Preferences.includeUnknownEnumMembers(header)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "respond-async",
        "include-unknown-enum-member",
        "x-include-unknown-enum-members",
        "odata.callback; url=\"include-unknown-enum-members\"",
        "foo=\"a, include-unknown-enum-members\""
      })
  void ignoresOtherPreferencesAndQuotedText(String header) {
    assertThat(Preferences.includeUnknownEnumMembers(header)).isFalse();
  }
}
