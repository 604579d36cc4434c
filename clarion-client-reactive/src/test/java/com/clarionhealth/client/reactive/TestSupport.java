package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.ContractSupport;
import com.clarionhealth.client.contract.FakeApi;
import com.clarionhealth.client.internal.ClientSettings;
import java.time.Clock;
import java.time.ZoneOffset;

/** What the reactive client's own tests (those outside the contract suite) share. */
final class TestSupport {
  static final String USER_AGENT = ContractSupport.userAgent("reactive");

  private TestSupport() {}

  /**
   * A client of {@code api} with the suite's key, no environment and a fixed clock, on the client's
   * real timer (the parallel scheduler) with jitter of zero: a retry waits 0 ms, so nothing sleeps.
   */
  static ReactiveClarionClient.Builder client(FakeApi api) {
    ReactiveClarionClient.Builder builder = ReactiveClarionClient.builder()
        .baseUrl(api.apiBaseUrl())
        .apiKey(ContractSupport.API_KEY);
    ClientSettings.of(builder).env(name -> null).clock(Clock.fixed(ContractSupport.NOW, ZoneOffset.UTC))
        .random(() -> 0.0);
    return builder;
  }
}
