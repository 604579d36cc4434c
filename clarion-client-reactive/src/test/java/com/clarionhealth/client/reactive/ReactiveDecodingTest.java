package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.callJson;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.clarionhealth.client.ClarionApiException;
import com.clarionhealth.client.ClarionDecodingException;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.DecodingContract;
import com.clarionhealth.client.model.Call;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Reactive only beyond the contract: {@code maxCallSize}, which bounds the one call decoded at a time. */
class ReactiveDecodingTest extends DecodingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  private final ReactiveClarionClient small = ReactiveDriver.builder(api.config()).maxCallSize(64 * 1024).build();

  @Test
  void aCallLargerThanMaxCallSizeIsRefused() {
    listAnswers("application/json", "[" + callJson(1) + ",{\"id\":2,\"transcript\":\""
        + "z".repeat(100 * 1024) + "\"}," + callJson(3) + "]");

    StepVerifier.create(small.calls().list())
        .expectErrorSatisfies(e -> {
          // Refused by the client's own splitter while the page arrives, before the page ends.
          assertThat(e).isInstanceOf(ClarionDecodingException.class).rootCause()
              .hasMessageContaining("larger than maxCallSize (65536 bytes)");
          ClarionDecodingException d = (ClarionDecodingException) e;
          assertThat(d.statusCode()).isEqualTo(200);
          assertThat(d.getMessage()).hasSizeLessThan(500);
          assertThat(d.body().length()).isLessThanOrEqualTo(ClarionApiException.MAX_BODY_BYTES);
        })
        .verify(TIMEOUT);

    // a call just under the limit is fine
    listAnswers("application/json", "[{\"id\":2,\"transcript\":\"" + "z".repeat(60 * 1024) + "\"}]");
    StepVerifier.create(small.calls().list().map(Call::getId)).expectNext(2L).expectComplete().verify(TIMEOUT);
  }

  @Test
  void aCreatedCallLargerThanMaxCallSizeIsRefused() {
    api.stubFor(post(CALLS).willReturn(okJson("{\"id\":2,\"transcript\":\"" + "z".repeat(100 * 1024) + "\"}")));

    StepVerifier.create(small.calls().create(createCall()).then(Mono.just("done")))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionDecodingException.class);
          assertThat(e).rootCause().hasMessageContaining("larger than maxCallSize (65536 bytes)");
          assertThat(((ClarionDecodingException) e).callMayHaveBeenPlaced()).isTrue();
        })
        .verify(TIMEOUT);
  }

  @Test
  void aMaxCallSizeUnderOneKibibyteIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ReactiveClarionClient.builder().maxCallSize(1023))
        .withMessageContaining("maxCallSize");
  }
}
