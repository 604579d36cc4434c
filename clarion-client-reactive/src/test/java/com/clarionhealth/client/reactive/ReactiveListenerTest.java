package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.HeldAnswers;
import com.clarionhealth.client.contract.ListenerContract;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

class ReactiveListenerTest extends ListenerContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  /**
   * Reactive only: a cancel reaches the exchange without any failure signal, where the blocking client's
   * abort is an interrupt that the engine hears as a failure.
   */
  @Test
  void aRequestCancelledInFlightEndsOnceBeforeItsStream() throws Exception {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(1)).withTransformers(HeldAnswers.NAME)));
    ReactiveClarionClient client = ReactiveDriver.builder(api.config().listener(listener)).build();

    Disposable subscription = client.calls().stream(CallQuery.between(T0, END)).subscribe();
    api.held().whenHeld(1).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    subscription.dispose();

    assertThat(listener.lines()).containsExactly("stream started", "started GET /call #1 of the stream",
        "ended GET /call #1 of the stream: -1 ClarionTransportException", "stream ended");
    assertThat(listener.events("ended").get(0).failure()).hasRootCauseInstanceOf(CancellationException.class);
    assertThat(listener.events("stream ended").get(0).failure()).isNull();
  }
}
