package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

  private static final String KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

  @Test
  void bearerHeaderAndRedactedToString() {
    ApiKey key = ApiKey.of(KEY);
    assertThat(key.bearer()).isEqualTo("Bearer " + KEY);
    assertThat(key.toString()).isEqualTo("ApiKey[redacted]");
    assertThat(String.valueOf(key)).doesNotContain(KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "sk_live_abc\r\nX-Evil: 1", "sk_live_abc\n", " sk_live_abc", "sk live",
      "sk_live_\tabc", "sk_live_é", "sk_live_\u0000", "Bearer sk_live_abc", "bearer sk_live_abc"})
  void invalidKeysAreRejectedWithoutEchoingThem(String bad) {
    assertThatThrownBy(() -> ApiKey.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiKey ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk_live").doesNotContain("abc"));
  }

  @Test
  void whyAKeyIsRejected() {
    assertThatThrownBy(() -> ApiKey.of("sk_live_abc\r\nX-Evil: 1"))
        .hasMessage("apiKey must not contain whitespace, line breaks, control or non-ASCII characters (at index 11)");
    assertThatThrownBy(() -> ApiKey.of("Bearer sk_live_abc"))
        .hasMessage("apiKey must be the bare key, without the \"Bearer \" prefix");
    assertThatThrownBy(() -> ApiKey.of(" ")).hasMessage("apiKey must not be blank");
    assertThatThrownBy(() -> ApiKey.of(null)).isInstanceOf(NullPointerException.class).hasMessage("apiKey == null");
  }

  @Test
  void supplierIsReadAndCheckedOnEveryRequest() {
    AtomicReference<String> current = new AtomicReference<>("sk_test_one");
    ApiKey key = ApiKey.from(current::get);
    assertThat(key.bearer()).isEqualTo("Bearer sk_test_one");
    current.set("sk_test_two");
    assertThat(key.bearer()).isEqualTo("Bearer sk_test_two");

    current.set("sk_test_bad\n");
    assertThatThrownBy(key::bearer)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiKey (from the supplier) must not contain whitespace")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk_test_bad"));
    current.set(null);
    assertThatThrownBy(key::bearer).isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
  }

  @Test
  void resolutionOrderExplicitThenSupplierThenEnvironment() {
    Map<String, String> env = Map.of("CLARION_API_KEY", "sk_test_env");
    assertThat(ApiKey.resolve("sk_test_explicit", () -> "sk_test_supplied", env::get).bearer())
        .isEqualTo("Bearer sk_test_explicit");
    assertThat(ApiKey.resolve(null, () -> "sk_test_supplied", env::get).bearer())
        .isEqualTo("Bearer sk_test_supplied");
    assertThat(ApiKey.resolve(null, null, env::get).bearer()).isEqualTo("Bearer sk_test_env");
  }

  @Test
  void missingKeySaysHowToConfigureIt() {
    assertThatThrownBy(() -> ApiKey.resolve(null, null, name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey")
        .hasMessageContaining("CLARION_API_KEY");
    assertThatThrownBy(() -> ApiKey.resolve(null, null, name -> ""))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidKeyFromTheEnvironmentSaysWhereItCameFrom() {
    assertThatThrownBy(() -> ApiKey.resolve(null, null, name -> "sk_test_x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiKey (from CLARION_API_KEY) must not contain");
  }
}
