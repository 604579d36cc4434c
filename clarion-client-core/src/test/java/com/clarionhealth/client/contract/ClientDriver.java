package com.clarionhealth.client.contract;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One client, built from a {@link ClientConfig}, as the contract suite drives it: every method returns
 * plain values once the client is done, or throws what the client throws (its
 * {@link com.clarionhealth.client.ClarionException}s, or an argument's exception). The blocking
 * client's driver calls it; the reactive client's blocks on its publishers from the test thread.
 * Waits between attempts are recorded in the config's {@link Timeline}, never slept.
 */
public interface ClientDriver {
  /** "blocking" or "reactive", as in the client's {@code User-Agent}. */
  String name();

  /**
   * How many times the HTTP library itself sends a {@code GET} again, at once and unseen by the client,
   * when an HTTP/1.1 connection closes before any byte of the answer (the fake API speaks HTTP/1.1, as
   * the sandbox does). The client's own retries come after these. Never a {@code POST}.
   */
  default int libraryResendsOfAnUnansweredGet() {
    return 0;
  }

  Call create(CreateCall createCall);

  List<Call> list();

  List<Call> list(ListCallsParams params);

  /** Every call of the range. */
  List<Call> stream(CallQuery query);

  /** The first {@code max} calls of the range; the rest is left unfetched. */
  List<Call> stream(CallQuery query, int max);

  /** Every call of the range, each handed to {@code each} as it comes, then what the stream threw. */
  void stream(CallQuery query, Consumer<Call> each);

  /** The stream of {@code query}, and operators on it, but never consumed. */
  void streamUnconsumed(CallQuery query);

  /** The pages of {@code query}: nothing is fetched until one of its methods walks them. */
  Pages pages(CallQuery query);

  /** Every object a user could print, by name: the builder, the client, its resource, and so on. */
  Map<String, Object> printables();

  /** The {@code toString()} of each of {@link #printables()}. */
  default Map<String, String> toStrings() {
    Map<String, String> strings = new LinkedHashMap<>();
    printables().forEach((name, printable) -> strings.put(name, printable.toString()));
    return strings;
  }

  /** The config the client was built from. */
  ClientConfig config();

  /** The waits between attempts so far, recorded in the order asked. */
  default List<Duration> waits() {
    return config().timeline().waits();
  }

  /** A walk over pages that can be repeated: each walk starts afresh. */
  interface Pages {
    List<CallPage> all();

    List<CallPage> first(int n);

    /** Everything short of asking for a page (an iterator, an operator chain). */
    void prepare();
  }
}
