package com.clarionhealth.apispec;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The spec-change gate on the real files: fails the build on a breaking change from the baseline that
 * breaking-changes.yaml does not acknowledge, and writes the report either way. The paths come from the module's
 * surefire configuration; the defaults are the same paths relative to the module, where an IDE runs it.
 */
class SpecGateTest {

  @Test
  void everyBreakingChangeFromTheBaselineIsAcknowledged() throws IOException {
    SpecGate.Result result = SpecGate.check(read("clarion.spec.baseline", "baseline/clarion-openapi.yaml"),
        SpecChecks.specText(), read("clarion.spec.acknowledgements", "breaking-changes.yaml"));
    Path report = Path.of(System.getProperty("clarion.spec.report", "target/spec-diff/report.md"));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, result.report(), StandardCharsets.UTF_8);
    System.out.println("Spec gate: " + (result.passed() ? "PASSED" : "FAILED") + ", " + result.changes().size()
        + " change(s) against the baseline; report: " + report);
    if (!result.passed()) {
      fail("Spec gate: " + result.failure() + "Report: " + report);
    }
  }

  private static String read(String property, String otherwise) throws IOException {
    return Files.readString(Path.of(System.getProperty(property, otherwise)), StandardCharsets.UTF_8);
  }
}
