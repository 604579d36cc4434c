package com.clarionhealth.it;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.client.testkit.ClarionSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One client as the scenarios drive it; the same scenarios run over each kind. */
interface Api {
  Call create(CreateCall createCall);

  List<Call> list(ListCallsParams params);

  List<Call> stream(CallQuery query);

  /** The pages of {@code query}, handing each to {@code sink} as it comes; stops at the first error. */
  void pages(CallQuery query, List<CallPage> sink);

  enum Kind {
    BLOCKING {
      @Override
      Api open(String baseUrl, String apiKey, int maxRetries, Duration requestTimeout) {
        ClarionClient client = ClarionClient.builder().baseUrl(baseUrl).apiKey(apiKey)
            .maxRetries(maxRetries).requestTimeout(requestTimeout).build();
        return new Api() {
          @Override
          public Call create(CreateCall createCall) {
            return client.calls().create(createCall);
          }

          @Override
          public List<Call> list(ListCallsParams params) {
            return client.calls().list(params);
          }

          @Override
          public List<Call> stream(CallQuery query) {
            try (Stream<Call> calls = client.calls().stream(query)) {
              return calls.collect(Collectors.toList());
            }
          }

          @Override
          public void pages(CallQuery query, List<CallPage> sink) {
            client.calls().pages(query).forEach(sink::add);
          }
        };
      }
    },
    REACTIVE {
      @Override
      Api open(String baseUrl, String apiKey, int maxRetries, Duration requestTimeout) {
        ReactiveClarionClient client = ReactiveClarionClient.builder().baseUrl(baseUrl).apiKey(apiKey)
            .maxRetries(maxRetries).requestTimeout(requestTimeout).build();
        return new Api() {
          @Override
          public Call create(CreateCall createCall) {
            return client.calls().create(createCall).block(TIMEOUT);
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
          public void pages(CallQuery query, List<CallPage> sink) {
            client.calls().pages(query).doOnNext(sink::add).then().block(TIMEOUT);
          }
        };
      }
    };

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    abstract Api open(String baseUrl, String apiKey, int maxRetries, Duration requestTimeout);

    Api open(ClarionSandbox sandbox) {
      return open(sandbox.baseUrl(), sandbox.apiKey(), 2, Duration.ofSeconds(30));
    }
  }

  static List<Long> ids(List<Call> calls) {
    List<Long> ids = new ArrayList<>(calls.size());
    calls.forEach(call -> ids.add(call.getId()));
    return ids;
  }
}
