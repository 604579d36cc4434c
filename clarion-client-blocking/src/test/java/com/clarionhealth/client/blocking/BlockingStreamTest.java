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

  /**
   * Blocking only: at concurrency 4 the requests run on threads of the stream's own, the calls reach
   * the calling thread in window order, and the threads end with the stream, consumed or closed.
   */
  @Test
  void concurrentStreamsUseTheirOwnThreadsAndEndThem() throws InterruptedException {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());

    List<Long> ids = client.stream(DAY.concurrency(4)).stream().map(Call::getId).toList();
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    awaitNoStreamThreads();

    // Closed after its first calls: the threads end too.
    client.stream(DAY.concurrency(4), 10);
    awaitNoStreamThreads();
  }

  private static void awaitNoStreamThreads() throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (streamThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(streamThreads()).as("clarion-stream threads still alive").isZero();
  }

  private static long streamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("clarion-stream-") && t.isAlive()).count();
  }
}
