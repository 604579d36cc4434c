package com.clarionhealth.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the client picks its Jackson. What each Spring Boot line's class path makes of it is shown by the
 * compat-boot* modules, which run this module's tests there ({@link ResolvedVersionsTest} says which binding
 * each got); here the choice itself, with candidates that fail as a missing or unfit Jackson does.
 */
class JsonBindingTest {
  private static final JsonBinding.Candidate ABSENT = () -> {
    throw new NoClassDefFoundError("tools/jackson/databind/ObjectMapper");
  };
  /** What Jackson 3 does on a Spring Boot 3.5 class path: jackson-annotations 2.19 lacks what it needs. */
  private static final JsonBinding.Candidate TOO_OLD_ANNOTATIONS = () -> {
    throw new NoClassDefFoundError("com/fasterxml/jackson/annotation/JsonSerializeAs");
  };

  // Stand-ins, not the real codecs: these tests also run on class paths where one Jackson or the other is missing.
  private final CallCodec jackson3 = new Unused();
  private final CallCodec jackson2 = new Unused();

  @Test
  void jackson3WhenItWorks() {
    assertThat(JsonBinding.choose(() -> jackson3, () -> {
      throw new AssertionError("Jackson 2 was tried although Jackson 3 worked");
    })).isSameAs(jackson3);
  }

  @Test
  void jackson2WhenJackson3IsAbsentOrCannotLink() {
    assertThat(JsonBinding.choose(ABSENT, () -> jackson2)).isSameAs(jackson2);
    assertThat(JsonBinding.choose(TOO_OLD_ANNOTATIONS, () -> jackson2)).isSameAs(jackson2);
  }

  @Test
  void neitherFailsNamingBothArtifacts() {
    NoClassDefFoundError noJackson2 = new NoClassDefFoundError("com/fasterxml/jackson/databind/ObjectMapper");

    assertThatIllegalStateException().isThrownBy(() -> JsonBinding.choose(TOO_OLD_ANNOTATIONS, () -> {
      throw noJackson2;
    }))
        .withMessageContaining("tools.jackson.core:jackson-databind")
        .withMessageContaining("com.fasterxml.jackson.core:jackson-databind")
        .withMessageContaining("jackson-datatype-jsr310")
        .withMessageContaining("jackson-annotations its release asks for")
        .withMessageContaining("JsonSerializeAs")
        .withCause(noJackson2)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessageContaining("JsonSerializeAs")));
  }

  @Test
  void aJackson3ThatLinksButFailsOtherwiseIsNotHidden() {
    // Only a missing or unfit Jackson falls back: a bug of the client's own mapping must show.
    IllegalArgumentException bug = new IllegalArgumentException("bug");

    assertThatThrownBy(() -> JsonBinding.choose(() -> {
      throw bug;
    }, () -> jackson2)).isSameAs(bug);
  }

  private static final class Unused implements CallCodec {
    @Override
    public byte[] write(CreateCall createCall) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Call bind(byte[] bytes, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Call> bindArray(byte[] bytes, int offset, int length) {
      throw new UnsupportedOperationException();
    }
  }
}
