package com.clarionhealth.client.testkit.spring;

import com.clarionhealth.client.testkit.ClarionSandbox;
import java.util.Objects;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the Clarion Spring Boot starter of a test's application at a sandbox, in one line of a
 * {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * static final ClarionSandbox SANDBOX = ClarionSandbox.start();
 *
 * @DynamicPropertySource
 * static void clarion(DynamicPropertyRegistry registry) {
 *   ClarionSandboxProperties.register(registry, SANDBOX);
 * }
 * }</pre>
 *
 * Needs {@code spring-test} on the test class path (every Boot test has it).
 */
public final class ClarionSandboxProperties {
  private ClarionSandboxProperties() {}

  /** Sets {@code clarion.base-url} and {@code clarion.api-key} to the sandbox's. */
  public static void register(DynamicPropertyRegistry registry, ClarionSandbox sandbox) {
    Objects.requireNonNull(registry, "registry == null");
    Objects.requireNonNull(sandbox, "sandbox == null");
    registry.add("clarion.base-url", sandbox::baseUrl);
    registry.add("clarion.api-key", sandbox::apiKey);
  }
}
