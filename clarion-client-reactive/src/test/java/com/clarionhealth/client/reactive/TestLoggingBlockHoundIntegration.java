package com.clarionhealth.client.reactive;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound, installed for every test of the module by {@code blockhound-junit-platform}, allows one
 * blocking call: the test logger's console write (Reactor Netty logs a warning on a reset connection
 * from its event loop). Everything else blocking on a Reactor or Netty thread fails the test.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {
  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
  }
}
