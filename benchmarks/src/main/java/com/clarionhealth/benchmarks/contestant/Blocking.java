package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import java.util.stream.Stream;

/**
 * Our blocking client, as its README shows it: {@code calls().stream(CallQuery.between(from, to))}, with
 * {@code .concurrency(n)} when {@code n > 1}.
 */
public final class Blocking implements Contestant {
  private final ClarionClient client;
  private final int concurrency;

  public Blocking(String baseUrl, int concurrency) {
    this.client = ClarionClient.builder().apiKey("bench").baseUrl(baseUrl).build();
    this.concurrency = concurrency;
  }

  @Override
  public String id() {
    return concurrency == 1 ? "blocking" : "blocking-c" + concurrency;
  }

  @Override
  public Tally stream(Workload workload) {
    Tally tally = new Tally();
    CallQuery query = CallQuery.between(workload.from(), workload.to());
    if (concurrency > 1) {
      query = query.concurrency(concurrency);
    }
    try (Stream<Call> calls = client.calls().stream(query)) {
      calls.forEach(call -> tally.add(call.getId(), call.getTranscript()));
    }
    return tally;
  }

  @Override
  public long create() {
    return client.calls().create(Contestants.createCall()).getId();
  }
}
