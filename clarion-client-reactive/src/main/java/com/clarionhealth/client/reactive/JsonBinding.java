package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.CallCodec;
import com.clarionhealth.client.internal.Jackson2Codec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Which Jackson the reactive client binds JSON with: the application's. Jackson 3 where it is present and
 * works (Spring Boot 4), else Jackson 2 (Spring Boot 3, whose jackson-annotations is too old for Jackson 3
 * even when Jackson 3's jars are on the class path). Chosen once per client, when it is built.
 */
final class JsonBinding {
  static final String JACKSON_3 = "tools.jackson.core:jackson-databind";
  static final String JACKSON_2 =
      "com.fasterxml.jackson.core:jackson-databind with com.fasterxml.jackson.datatype:jackson-datatype-jsr310";

  /** Builds a codec; a {@link LinkageError} says that its Jackson is missing or does not fit this class path. */
  interface Candidate {
    CallCodec build() throws IOException;
  }

  private JsonBinding() {}

  /**
   * The codec of the first Jackson that links and works, each tried by building its codec whole, warm-up
   * included: a Jackson 3 with too old annotations loads its classes and fails only once it introspects.
   *
   * @throws IllegalStateException naming both artifacts if neither does
   */
  static CallCodec choose() {
    // Lambdas, not constructor references: resolving Jackson3Codec::new would load the class outside the try.
    return choose(() -> new Jackson3Codec().warmedUp(), () -> new Jackson2Codec().warmedUp());
  }

  static CallCodec choose(Candidate jackson3, Candidate jackson2) {
    LinkageError jackson3Failure;
    try {
      return build(jackson3);
    } catch (LinkageError e) {
      jackson3Failure = e;
    }
    try {
      return build(jackson2);
    } catch (LinkageError e) {
      IllegalStateException failure = new IllegalStateException("The reactive Clarion client needs Jackson 3 ("
          + JACKSON_3 + ", with the com.fasterxml.jackson.core:jackson-annotations its release asks for: Spring Boot"
          + " 3's 2.19 is too old) or Jackson 2 ("
          + JACKSON_2 + ") on the class path; neither can be used. Jackson 3: " + jackson3Failure
          + "; Jackson 2: " + e, e);
      failure.addSuppressed(jackson3Failure);
      throw failure;
    }
  }

  private static CallCodec build(Candidate candidate) {
    try {
      return candidate.build();
    } catch (IOException e) {
      throw new UncheckedIOException("the client's own warm-up JSON could not be read", e);
    }
  }

  /** Which Jackson a codec is, for the client's tests: by name, so that asking links nothing. */
  static String nameOf(CallCodec codec) {
    return codec.getClass().getSimpleName().equals("Jackson3Codec") ? "jackson3" : "jackson2";
  }
}
