package com.clarionhealth.compat.jdk25.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The client's tests in this module ran on JDK 25: were the toolchain not applied, surefire would fork on the
 * JDK Maven runs on (17) and the module would pass without having tested 25.
 */
class RunsOnJdk25Test {
  @Test
  void theTestsRunOnJdk25() {
    assertThat(Runtime.version().feature()).as("the test JVM's %s", System.getProperty("java.home")).isEqualTo(25);
  }
}
