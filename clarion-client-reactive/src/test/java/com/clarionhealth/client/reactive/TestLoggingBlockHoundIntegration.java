package com.clarionhealth.client.reactive;

import org.slf4j.LoggerFactory;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound, installed for every test of the module by {@code blockhound-junit-platform}, allows what
 * is not the client's: the test logger's console write (Reactor Netty logs a warning on a reset
 * connection from its event loop), and the short lock Netty 4.2's adaptive allocator takes when it
 * grows, which Netty's own BlockHound integration does not list. Everything else blocking on a Reactor
 * or Netty thread fails the test.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {
  @Override
  public void applyTo(BlockHound.Builder builder) {
    // Logback reads its configuration file when first asked for a logger: here, on the main thread,
    // before any test, rather than on whichever event loop logs first.
    LoggerFactory.getILoggerFactory();
    builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
  }
}
