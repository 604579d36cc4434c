package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import java.util.stream.Stream;
import com.clarionhealth.client.model.Call;

/** Our blocking client, as its README shows it: {@code calls().stream(CallQuery.between(from, to))}. */
public final class Blocking implements Contestant {
  private final ClarionClient client;

  public Blocking(String baseUrl) {
    this.client = ClarionClient.builder().apiKey("bench").baseUrl(baseUrl).build();
  }

  @Override
  public String id() {
    return "blocking";
  }

  @Override
  public Tally stream(Workload workload) {
    Tally tally = new Tally();
    try (Stream<Call> calls = client.calls().stream(CallQuery.between(workload.from(), workload.to()))) {
      calls.forEach(call -> tally.add(call.getId(), call.getTranscript()));
    }
    return tally;
  }

  @Override
  public long create() {
    return client.calls().create(Contestants.createCall()).getId();
  }
}
