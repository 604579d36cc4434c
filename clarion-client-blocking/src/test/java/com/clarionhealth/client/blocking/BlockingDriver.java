package com.clarionhealth.client.blocking;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The contract suite's {@link ClientDriver} for {@link ClarionClient}: plain calls, waits recorded. */
final class BlockingDriver implements ClientDriver {
  private final ClientConfig config;
  private final ClarionClient.Builder builder;
  private final ClarionClient client;

  BlockingDriver(ClientConfig config) {
    this.config = config;
    this.builder = builder(config);
    this.client = builder.build();
  }

  static ClarionClient.Builder builder(ClientConfig config) {
    // recorded, not slept: the contract asserts each wait
    ClarionClient.Builder builder = config.applyTo(ClarionClient.builder()).sleeper(config.timeline()::waited);
    if (config.timeoutsRunOnceHeld()) {
      // the client's own timer (exchange.get(timeout)) starts only once the server holds the answer
      builder.httpClient(new SettledHttpClient(
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), config.held()));
    }
    return builder;
  }

  @Override
  public String name() {
    return "blocking";
  }

  /** The JDK client's own resend (MultiExchange): once, for a GET, when HTTP/1.1 gets no byte back. */
  @Override
  public int libraryResendsOfAnUnansweredGet() {
    return 1;
  }

  @Override
  public Call create(CreateCall createCall) {
    return client.calls().create(createCall);
  }

  @Override
  public List<Call> list() {
    return client.calls().list();
  }

  @Override
  public List<Call> list(ListCallsParams params) {
    return client.calls().list(params);
  }

  @Override
  public List<Call> stream(CallQuery query) {
    try (Stream<Call> calls = client.calls().stream(query)) {
      return calls.toList();
    }
  }

  @Override
  public List<Call> stream(CallQuery query, int max) {
    try (Stream<Call> calls = client.calls().stream(query)) {
      return calls.limit(max).toList();
    }
  }

  @Override
  public void stream(CallQuery query, Consumer<Call> each) {
    try (Stream<Call> calls = client.calls().stream(query)) {
      calls.forEach(each);
    }
  }

  @Override
  public void streamUnconsumed(CallQuery query) {
    try (Stream<Call> calls = client.calls().stream(query)) {
      calls.map(Call::getId).filter(id -> id > 0); // intermediate operations only
    }
  }

  @Override
  public Pages pages(CallQuery query) {
    Iterable<CallPage> pages = client.calls().pages(query);
    return new Pages() {
      @Override
      public List<CallPage> all() {
        List<CallPage> all = new ArrayList<>();
        pages.forEach(all::add);
        return all;
      }

      @Override
      public List<CallPage> first(int n) {
        List<CallPage> first = new ArrayList<>();
        Iterator<CallPage> walk = pages.iterator();
        while (first.size() < n && walk.hasNext()) {
          first.add(walk.next());
        }
        return first;
      }

      @Override
      public void prepare() {
        pages.iterator(); // an iterator never asked for a page
      }
    };
  }

  @Override
  public Map<String, Object> printables() {
    return Map.of("builder", builder, "client", client, "calls", client.calls());
  }

  @Override
  public ClientConfig config() {
    return config;
  }
}
