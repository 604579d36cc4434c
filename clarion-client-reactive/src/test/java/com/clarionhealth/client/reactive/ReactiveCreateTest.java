package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.CREATE_CALL_BODY;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.createCall;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.CreateContract;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReactiveCreateTest extends CreateContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  private final ReactiveClarionClient client = ReactiveDriver.builder(api.config()).build();

  /** Reactive only: a cold publisher sends at subscription; a hot one would have sent at assembly. */
  @Test
  void nothingIsSentBeforeSubscriptionAndEachSubscriptionSendsItsOwnRequest() {
    api.stubFor(post(CALLS).willReturn(okJson(PLACED)));

    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson("[]")));

    Mono<Call> create = client.calls().create(createCall());
    // a whole exchange after the assembly: a create that sent at once would have arrived first
    client.calls().list().blockLast(TIMEOUT);
    assertThat(api.timeline().events()).containsExactly("GET " + CALLS);

    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    api.verify(2, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(CREATE_CALL_BODY)));
  }

  /** Reactive only: the body is the one given at assembly, whatever happens to the object before subscription. */
  @Test
  void theBodyIsTakenAtAssemblySoLaterChangesAreNotSent() {
    api.stubFor(post(CALLS).willReturn(okJson("{\"id\":3}")));
    CreateCall createCall = createCall();

    Mono<Call> create = client.calls().create(createCall);
    createCall.destinationPhoneNumber("+14155550999").name("changed after assembly");

    StepVerifier.create(create).expectNextCount(1).expectComplete().verify(TIMEOUT);
    api.verify(1, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(CREATE_CALL_BODY)));
  }
}
