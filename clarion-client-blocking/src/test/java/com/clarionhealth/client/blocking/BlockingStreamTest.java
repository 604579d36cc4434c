package com.clarionhealth.client.blocking;

import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.FakeCallsServer.Asked;
import com.clarionhealth.client.contract.RecordingListener;
import com.clarionhealth.client.contract.StreamContract;
import com.clarionhealth.client.model.Call;
import java.util.Iterator;
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

  /**
   * Blocking only: pages() left after its first page at concurrency 4, its threads waiting for room
   * ahead (a budget of one page), are stopped once the iterator is unreachable, and the stream's end is
   * reported.
   */
  @Test
  void pagesLeftBeforeTheirEndStopOnceTheIteratorIsUnreachable() throws InterruptedException {
    api.calls().reset(spreadAndBurst());
    RecordingListener heard = new RecordingListener();
    ClarionClient client = BlockingDriver.builder(api.config().maxBytesAhead(1).listener(heard)).build();

    assertThat(firstPage(client).calls()).isNotEmpty();

    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while ((streamThreads() > 0 || heard.events("stream ended").isEmpty()) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(streamThreads()).as("clarion-stream threads still alive").isZero();
    assertThat(heard.lines()).filteredOn(line -> line.startsWith("stream ended")).containsExactly("stream ended");
  }

  /** In a method of its own, so that nothing on the test's stack keeps the iterator reachable. */
  private CallPage firstPage(ClarionClient client) {
    Iterator<CallPage> pages = client.calls().pages(DAY.concurrency(4)).iterator();
    CallPage first = pages.next(); // the head's first window, on this thread
    pages.next(); // the first slot's: the slots have started, and wait for room
    assertThat(streamThreads()).isPositive();
    return first;
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
