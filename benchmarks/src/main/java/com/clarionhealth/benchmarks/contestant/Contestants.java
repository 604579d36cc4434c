package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.model.CreateCall;
import java.util.List;

/** The contestants by id. */
public final class Contestants {
  public static final String FLOOR = "floor";
  public static final String TUNED_FLOOR = "tuned-floor";
  /** {@code blocking} is concurrency 1 (the default a user gets); {@code blocking-cN} and {@code reactive-cN} set it. */
  public static final List<String> ALL = List.of(FLOOR, TUNED_FLOOR, "blocking", "blocking-c4", "blocking-c8",
      "reactive-c1", "reactive-c4", "reactive-c8", "stock-native", "stock-webclient");

  private Contestants() {}

  public static Contestant create(String id, String baseUrl) {
    switch (id) {
      case FLOOR:
        return new Floor(baseUrl, false);
      case TUNED_FLOOR:
        return new Floor(baseUrl, true);
      case "blocking":
        return new Blocking(baseUrl, 1);
      case "stock-native":
        return new StockNative(baseUrl);
      case "stock-webclient":
        return new StockWebClient(baseUrl);
      default:
        if (id.startsWith("reactive-c")) {
          return new Reactive(baseUrl, concurrency(id));
        }
        if (id.startsWith("blocking-c")) {
          return new Blocking(baseUrl, concurrency(id));
        }
        throw new IllegalArgumentException("no contestant " + id + "; known: " + ALL);
    }
  }

  /** Whether the contestant is one of ours (the planner decides its windows). */
  public static boolean isOurs(String id) {
    return id.equals("blocking") || id.startsWith("blocking-c") || id.startsWith("reactive-c");
  }

  /** The {@code CallQuery.concurrency} of one of ours: {@code blocking} is 1, {@code xxx-cN} is N. */
  public static int concurrency(String id) {
    int c = id.lastIndexOf("-c");
    return c < 0 ? 1 : Integer.parseInt(id.substring(c + 2));
  }

  /** The call every contestant places in the create scenario. */
  static CreateCall createCall() {
    return createCall("Post-op follow-up");
  }

  /** The same call with its own {@code name} (the create-load scenario tells requests apart by it). */
  public static CreateCall createCall(String name) {
    return new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123").name(name);
  }
}
