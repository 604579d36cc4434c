package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.reactive.ReactiveClarionClient;

/**
 * Our reactive client: {@code calls().stream(CallQuery.between(from, to).concurrency(n))}, counted by a
 * reduction and awaited with {@code block()} by the harness thread.
 */
public final class Reactive implements Contestant {
  private final ReactiveClarionClient client;
  private final int concurrency;

  public Reactive(String baseUrl, int concurrency) {
    this.client = ReactiveClarionClient.builder().apiKey("bench").baseUrl(baseUrl).build();
    this.concurrency = concurrency;
  }

  @Override
  public String id() {
    return "reactive-c" + concurrency;
  }

  @Override
  public Tally stream(Workload workload) {
    CallQuery query = CallQuery.between(workload.from(), workload.to()).concurrency(concurrency);
    return client.calls().stream(query)
        .reduce(new Tally(), (tally, call) -> {
          tally.add(call.getId(), call.getTranscript());
          return tally;
        })
        .block();
  }

  @Override
  public long create() {
    return client.calls().create(Contestants.createCall()).block().getId();
  }
}
