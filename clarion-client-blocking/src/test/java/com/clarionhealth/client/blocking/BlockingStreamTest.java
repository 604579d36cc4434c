package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.FakeCallsServer.Asked;
import com.clarionhealth.client.contract.StreamContract;
import com.clarionhealth.client.model.Call;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingStreamTest extends StreamContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }

  /** Blocking only: its segments are walked one after another on the calling thread; the reactive client's at once. */
  @Test
  void segmentsArePagedOneAfterAnotherInWindowOrder() {
    api.calls().reset(spreadAndBurst());

    List<Long> ids = connect(api.config()).stream(DAY.concurrency(4)).stream().map(Call::getId).toList();

    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    List<Asked> asked = api.calls().asked();
    api.verify(asked.size(), getRequestedFor(urlPathEqualTo(CALLS)));
    for (int i = 1; i < asked.size(); i++) {
      assertThat(asked.get(i).ge()).isAfterOrEqualTo(asked.get(i - 1).ge());
    }
  }
}
