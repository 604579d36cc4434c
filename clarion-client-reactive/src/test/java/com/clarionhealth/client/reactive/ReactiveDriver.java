package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ContractSupport;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;

/**
 * The contract suite's {@link ClientDriver} for {@link ReactiveClarionClient}: it blocks on each
 * publisher from the test thread (never a Reactor thread, so BlockHound allows it), and its timer
 * records the waits between attempts and runs them at once ({@link RecordingTimer}).
 */
final class ReactiveDriver implements ClientDriver {
  private final ClientConfig config;
  private final ReactiveClarionClient.Builder builder;
  private final ReactiveClarionClient client;

  ReactiveDriver(ClientConfig config) {
    this.config = config;
    this.builder = builder(config);
    this.client = builder.build();
  }

  static ReactiveClarionClient.Builder builder(ClientConfig config) {
    return config.applyTo(ReactiveClarionClient.builder()).timer(new RecordingTimer(config));
  }

  @Override
  public String name() {
    return "reactive";
  }

  @Override
  public Call create(CreateCall createCall) {
    return client.calls().create(createCall).block(TIMEOUT);
  }

  @Override
  public List<Call> list() {
    return client.calls().list().collectList().block(TIMEOUT);
  }

  @Override
  public List<Call> list(ListCallsParams params) {
    return client.calls().list(params).collectList().block(TIMEOUT);
  }

  @Override
  public List<Call> stream(CallQuery query) {
    return client.calls().stream(query).collectList().block(TIMEOUT);
  }

  @Override
  public List<Call> stream(CallQuery query, int max) {
    return client.calls().stream(query).take(max).collectList().block(TIMEOUT);
  }

  @Override
  public void stream(CallQuery query, Consumer<Call> each) {
    client.calls().stream(query).doOnNext(each).blockLast(TIMEOUT);
  }

  @Override
  public void streamUnconsumed(CallQuery query) {
    client.calls().stream(query).map(Call::getId).filter(id -> id > 0).take(3); // assembled, never subscribed
  }

  @Override
  public Pages pages(CallQuery query) {
    Flux<CallPage> pages = client.calls().pages(query);
    return new Pages() {
      @Override
      public List<CallPage> all() {
        return pages.collectList().block(TIMEOUT);
      }

      @Override
      public List<CallPage> first(int n) {
        return pages.take(n).collectList().block(TIMEOUT);
      }

      @Override
      public void prepare() {
        pages.take(1); // assembled, never subscribed
      }
    };
  }

  /** The publishers too: one that captured the key would show it. */
  @Override
  public Map<String, Object> printables() {
    return Map.of("builder", builder, "client", client, "calls", client.calls(),
        "create", client.calls().create(ContractSupport.createCall()),
        "list", client.calls().list(),
        "stream", client.calls().stream(CallQuery.since(ContractSupport.NOW)));
  }

  @Override
  public ClientConfig config() {
    return config;
  }
}
