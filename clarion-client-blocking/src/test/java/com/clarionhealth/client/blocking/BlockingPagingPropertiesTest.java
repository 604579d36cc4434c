package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.PagingDriver;
import com.clarionhealth.client.internal.PagingProperties;

/** The paging properties through the blocking client's own loop, {@link PageLoop}. */
class BlockingPagingPropertiesTest extends PagingProperties {
  /**
   * Takes at most {@code maxPages} pages on the calling thread, as a consumer of {@code stream()} does,
   * then closes the loop, as the stream's try-with-resources does.
   */
  static final PagingDriver DRIVER = (plan, server, maxPages, sink) -> {
    try (PageLoop pages = new PageLoop(plan, server)) {
      for (int taken = 0; taken < maxPages && pages.hasNext(); taken++) {
        sink.accept(pages.next());
      }
    }
  };

  @Override
  protected PagingDriver driver() {
    return DRIVER;
  }
}
