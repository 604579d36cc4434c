package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.TIMEOUT;
import static com.clarionhealth.client.contract.ContractSupport.page;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ContractSupport;
import com.clarionhealth.client.contract.ListContract;
import com.clarionhealth.client.model.Call;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ReactiveListTest extends ListContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  /** Reactive only: a cold publisher sends at subscription, once per subscription. */
  @Test
  void aListIsColdAndEachSubscriptionSendsItsOwnRequest() {
    ReactiveClarionClient client = ReactiveDriver.builder(api.config()).build();
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(page(1, 2))));
    api.stubFor(post(CALLS).willReturn(okJson("{\"id\":9}")));

    Flux<Call> list = client.calls().list();
    // a whole exchange after the assembly: a list that sent at once would have arrived first
    client.calls().create(ContractSupport.createCall()).block(TIMEOUT);
    assertThat(api.timeline().events()).containsExactly("POST " + CALLS);

    StepVerifier.create(list.map(Call::getId)).expectNext(1L, 2L).expectComplete().verify(TIMEOUT);
    StepVerifier.create(list.map(Call::getId)).expectNext(1L, 2L).expectComplete().verify(TIMEOUT);
    api.verify(2, getRequestedFor(urlEqualTo(CALLS)));
  }
}
