package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.model.CreateCall;
import java.util.List;

/** The contestants by id. */
public final class Contestants {
  public static final String FLOOR = "floor";
  public static final List<String> ALL = List.of(FLOOR, "blocking", "reactive-c1", "reactive-c4", "reactive-c8",
      "stock-native", "stock-webclient");

  private Contestants() {}

  public static Contestant create(String id, String baseUrl) {
    switch (id) {
      case FLOOR:
        return new Floor(baseUrl);
      case "blocking":
        return new Blocking(baseUrl);
      case "stock-native":
        return new StockNative(baseUrl);
      case "stock-webclient":
        return new StockWebClient(baseUrl);
      default:
        if (id.startsWith("reactive-c")) {
          return new Reactive(baseUrl, Integer.parseInt(id.substring("reactive-c".length())));
        }
        throw new IllegalArgumentException("no contestant " + id + "; known: " + ALL);
    }
  }

  /** Whether the contestant is one of ours (the planner decides its windows). */
  public static boolean isOurs(String id) {
    return id.equals("blocking") || id.startsWith("reactive-c");
  }

  /** The call every contestant places in the create scenario. */
  static CreateCall createCall() {
    return new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123").name("Post-op follow-up");
  }
}
