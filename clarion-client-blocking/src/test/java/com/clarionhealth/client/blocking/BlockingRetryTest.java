package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionTransportException;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.RetryContract;
import org.junit.jupiter.api.Test;

class BlockingRetryTest extends RetryContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }

  /** Blocking only: the reactive client has no thread to interrupt while it waits. */
  @Test
  void anInterruptDuringTheBackoffEndsTheRequestAndKeepsTheInterruptFlag() {
    ClarionClient client = BlockingDriver.builder(api.config()).sleeper(duration -> {
      throw new InterruptedException("shutting down");
    }).build();
    failOnceThenServe(aResponse().withStatus(503));

    try {
      assertThatThrownBy(() -> client.calls().list())
          .isInstanceOfSatisfying(ClarionTransportException.class, e -> assertThat(e.getCause())
              .isInstanceOf(InterruptedException.class));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    api.verify(1, getRequestedFor(urlEqualTo(CALLS)));
  }
}
