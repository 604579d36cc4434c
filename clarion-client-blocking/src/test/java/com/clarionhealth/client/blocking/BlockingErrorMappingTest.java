package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.InternalServerException;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ErrorMappingContract;
import org.junit.jupiter.api.Test;

class BlockingErrorMappingTest extends ErrorMappingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }

  /**
   * Blocking only: it reads the whole error body, so it can say how much of it was cut. The reactive
   * client stops reading at the bound and reports 0, which the exception documents as "complete".
   */
  @Test
  void aHugeErrorBodySaysHowManyBytesWereCut() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(500).withBody("x".repeat(100 * 1024))));

    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> connect(api.config()
        .maxRetries(0)).list());

    assertThat(e.bodyTruncatedBytes()).isEqualTo(100 * 1024 - e.body().length()).isPositive();
  }
}
