package com.clarionhealth.benchmarks.contestant;

import com.clarionhealth.benchmarks.stocknative.api.CallsApi;
import com.clarionhealth.benchmarks.stocknative.invoker.ApiClient;
import com.clarionhealth.benchmarks.stocknative.invoker.ApiException;
import com.clarionhealth.benchmarks.stocknative.model.Call;
import com.clarionhealth.benchmarks.stocknative.model.CreateCall;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The stock openapi-generator {@code native} client generated from our spec, as a user would drive it: a
 * plain loop over the same windows as the floor, one {@code listCalls(1000, ge, le)} each. Its generator
 * gives it no bearer auth, so the token goes in through its request interceptor.
 */
public final class StockNative implements Contestant {
  private final CallsApi api;

  public StockNative(String baseUrl) {
    ApiClient apiClient = new ApiClient();
    apiClient.updateBaseUri(baseUrl);
    apiClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer bench"));
    this.api = new CallsApi(apiClient);
  }

  @Override
  public String id() {
    return "stock-native";
  }

  @Override
  public Tally stream(Workload workload) {
    Tally tally = new Tally();
    try {
      for (long[] window : workload.windows()) {
        List<Call> calls = api.listCalls(1000, time(window[0]), time(window[1]));
        for (Call call : calls) {
          tally.add(call.getId(), call.getTranscript());
        }
      }
    } catch (ApiException e) {
      throw new IllegalStateException("listCalls failed: " + e.getMessage(), e);
    }
    return tally;
  }

  @Override
  public long create() {
    try {
      return api.createCall(new CreateCall().assistantId(42L).destinationPhoneNumber("+14155550123")
          .name("Post-op follow-up")).getId();
    } catch (ApiException e) {
      throw new IllegalStateException("createCall failed: " + e.getMessage(), e);
    }
  }

  static OffsetDateTime time(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
