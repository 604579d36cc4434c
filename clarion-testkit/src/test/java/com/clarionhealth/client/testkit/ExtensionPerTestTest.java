package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension in an instance field: a sandbox of its own for each test, stopped after it. */
class ExtensionPerTestTest {
  static final Set<ClarionSandbox> seen = new HashSet<>();

  @RegisterExtension
  final ClarionSandboxExtension extension = ClarionSandboxExtension.create();

  @RepeatedTest(2)
  void eachTestHasItsOwnSandbox(ClarionSandbox sandbox) {
    assertThat(sandbox).isSameAs(extension.sandbox());
    assertThat(seen.add(sandbox)).isTrue();
  }

  @AfterAll
  static void everyOneWasStopped() {
    assertThat(seen).hasSize(2);
    for (ClarionSandbox sandbox : seen) {
      assertThatThrownBy(() -> new Http(sandbox).get("")).as("stopped").isInstanceOf(UncheckedIOException.class);
    }
  }
}
