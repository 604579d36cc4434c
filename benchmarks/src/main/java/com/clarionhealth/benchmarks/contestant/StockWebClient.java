package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.benchmarks.stockwebclient.api.CallsApi;
import com.clarionhealth.benchmarks.stockwebclient.invoker.ApiClient;
import com.clarionhealth.benchmarks.stockwebclient.model.CreateCall;

/**
 * The stock openapi-generator {@code webclient} client generated from our spec (Spring 7, Jackson 3), as a
 * user would drive it: a plain loop over the same windows as the floor, each {@code listCalls(1000, ge,
 * le)} reduced and awaited before the next. Its {@code WebClient} is the one its {@code ApiClient} builds,
 * with Spring's default codec limits.
 */
public final class StockWebClient implements Contestant {
  private final CallsApi api;

  public StockWebClient(String baseUrl) {
    ApiClient apiClient = new ApiClient();
    apiClient.setBasePath(baseUrl);
    apiClient.setBearerToken("bench");
    this.api = new CallsApi(apiClient);
  }

  @Override
  public String id() {
    return "stock-webclient";
  }

  @Override
  public Tally stream(Workload workload) {
    Tally tally = new Tally();
    for (long[] window : workload.windows()) {
      api.listCalls(1000, StockNative.time(window[0]), StockNative.time(window[1]))
          .doOnNext(call -> tally.add(call.getId(), call.getTranscript()))
          .then()
          .block();
    }
    return tally;
  }

  @Override
  public long create() {
    return api.createCall(new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123")
        .name("Post-op follow-up")).block().getId();
  }
}
