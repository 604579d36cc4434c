package com.clarionhealth.client.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.clarionhealth.client.model.CreateCall;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The constants and small helpers of the contract suite, shared with the clients' own tests. */
public final class ContractSupport {
  /** Shaped like a real key, so that the exceptions' own redaction pattern would catch it too. */
  public static final String API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  /** A key of a shape no pattern can guess: only the client's knowledge of its own key hides it. */
  public static final String ODD_KEY = "clarion.9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  public static final String BEARER = "Bearer " + API_KEY;
  /** The API's path prefix on the fake server, as in {@code https://api.clarionhealth.com/v1}. */
  public static final String CALLS = "/v1/call";
  /** The clients' clock in the suite: a Sunday, which the HTTP-date tests rely on. */
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  /**
   * The bound of every wait on I/O (a blocked publisher, a held answer, a condition): a hang fails the
   * test instead of stalling the build. Generous, because the machine may be loaded; nothing in the
   * suite takes anywhere near it when it passes.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  public static final String MAY_HAVE_BEEN_PLACED = "the call may have been placed";

  private ContractSupport() {}

  /**
   * A loopback server speaking HTTP/1.1 only, as the sandbox does: the JDK client's upgrade to HTTP/2
   * on plain http (h2c) with Jetty fails about one exchange in fifty with a large body (a frame error),
   * and production speaks HTTP/2 only over TLS.
   */
  public static WireMockConfiguration loopback() {
    return wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true);
  }

  /** The regular expression of the {@code User-Agent} of the client {@code name}s ("blocking", "reactive"). */
  public static String userAgent(String name) {
    return "clarion-java-" + name + "/\\S+ Java/\\S+";
  }

  /** The smallest valid call to place. */
  public static CreateCall createCall() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  /** {@link #createCall()} as it must reach the server, strict: nothing else, no {@code null}s. */
  public static final String CREATE_CALL_BODY = "{\"assistant_id\":7,\"destination_phone_number\":\"+14155550123\"}";

  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A minimal call as the list endpoint returns it. */
  public static String callJson(long id) {
    return json("{'id':" + id + ",'assistant_id':7,'call_status':'ended'}");
  }

  /** A JSON array of {@link #callJson} for each id. */
  public static String page(long... ids) {
    StringBuilder page = new StringBuilder("[");
    for (int i = 0; i < ids.length; i++) {
      page.append(i == 0 ? "" : ",").append(callJson(ids[i]));
    }
    return page.append(']').toString();
  }

  /** Polls {@code condition} for up to {@link #TIMEOUT}: for I/O to happen, never for a retry's wait. */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
