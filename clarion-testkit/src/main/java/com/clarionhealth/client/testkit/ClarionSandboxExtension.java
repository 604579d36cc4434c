package com.clarionhealth.client.testkit;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link ClarionSandbox} for a JUnit 5 test class, and clients configured for it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClarionSandboxExtension sandbox = ClarionSandboxExtension.create();
 *
 * @Test
 * void placesACall(ClarionClient client) { ... }   // or ReactiveClarionClient, ClarionSandbox, SandboxClock
 * }</pre>
 *
 * <p>In a {@code static} field, one sandbox serves the whole class (and its {@code @Nested} classes): it is
 * started before all tests and stopped after them. In an instance field, each test gets its own. By default
 * the sandbox is {@linkplain ClarionSandbox#reset() reset} before each test, so that tests do not see each
 * other's calls, faults or requests; {@link Builder#resetBeforeEach(boolean) resetBeforeEach(false)} keeps
 * state across tests (e.g. a million calls seeded once in {@code @BeforeAll}).
 *
 * <p>Test methods, constructors and lifecycle methods may declare parameters of type {@link ClarionSandbox},
 * {@link SandboxClock}, {@code com.clarionhealth.client.blocking.ClarionClient} and {@code
 * com.clarionhealth.client.reactive.ReactiveClarionClient}; {@link #client(Class)} does the same in code. A
 * client has the sandbox's base URL and API key and otherwise the client's defaults; build your own from
 * {@link #baseUrl()} and {@link #apiKey()} for other settings.
 *
 * <p><b>Only the client you use is needed.</b> Both clients are optional dependencies of the testkit: add
 * the one your code uses. The extension recognizes client parameters by the name of their type and touches a
 * client's classes only when a test asks for that client, so the other client and its dependencies (Spring
 * and Reactor for the reactive one) are never loaded, and need not be on the class path. The reactive client
 * needs Java 17; everything else runs on Java 11.
 */
public final class ClarionSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  static final String BLOCKING_CLIENT = "com.clarionhealth.client.blocking.ClarionClient";
  static final String REACTIVE_CLIENT = "com.clarionhealth.client.reactive.ReactiveClarionClient";
  private static final String REACTIVE_FACTORY = "com.clarionhealth.client.testkit.ReactiveClients";

  private final ClarionSandbox.Builder config;
  private final boolean resetBeforeEach;
  private final Map<String, Object> clients = new ConcurrentHashMap<>();
  private volatile ClarionSandbox sandbox;
  /** The unique id of the context that started the sandbox, which alone stops it. */
  private volatile String owner;

  private ClarionSandboxExtension(Builder builder) {
    this.config = builder.sandbox;
    this.resetBeforeEach = builder.resetBeforeEach;
  }

  /** A sandbox with the defaults ({@link ClarionSandbox#start()}), reset before each test. */
  public static ClarionSandboxExtension create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running sandbox.
   *
   * @throws IllegalStateException outside the extension's scope (before it started or after it stopped)
   */
  public ClarionSandbox sandbox() {
    ClarionSandbox running = sandbox;
    if (running == null) {
      throw new IllegalStateException("the sandbox is not running: use it within the tests of the class that "
          + "registers the extension (static field: from @BeforeAll on; instance field: in each test)");
    }
    return running;
  }

  /** The sandbox's base URL, {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  /** The API key the sandbox accepts. */
  public String apiKey() {
    return sandbox().apiKey();
  }

  /**
   * A client configured for the sandbox, one per kind and sandbox: {@code client(ClarionClient.class)} or
   * {@code client(ReactiveClarionClient.class)}.
   *
   * @throws IllegalArgumentException for any other type
   */
  public <T> T client(Class<T> type) {
    requireNonNull(type, "type == null");
    ClarionSandbox running = sandbox();
    String name = type.getName();
    if (!name.equals(BLOCKING_CLIENT) && !name.equals(REACTIVE_CLIENT)) {
      throw new IllegalArgumentException("not a Clarion client type: " + name
          + " (the extension makes " + BLOCKING_CLIENT + " and " + REACTIVE_CLIENT + ")");
    }
    return type.cast(clients.computeIfAbsent(name, n -> newClient(n, running)));
  }

  private static Object newClient(String typeName, ClarionSandbox sandbox) {
    if (typeName.equals(BLOCKING_CLIENT)) {
      return BlockingClients.create(sandbox.baseUrl(), sandbox.apiKey());
    }
    try {
      Class<?> factory = Class.forName(REACTIVE_FACTORY, true, ClarionSandboxExtension.class.getClassLoader());
      Method create = factory.getDeclaredMethod("create", String.class, String.class);
      return create.invoke(null, sandbox.baseUrl(), sandbox.apiKey());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("could not create a ReactiveClarionClient", cause);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("could not create a ReactiveClarionClient: it needs Java 17 and "
          + "com.clarionhealth:clarion-client-reactive on the class path", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfNeeded(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!startIfNeeded(context) && resetBeforeEach) {
      sandbox.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfOwner(context);
  }

  /** Starts the sandbox unless running; true if it started it now. */
  private synchronized boolean startIfNeeded(ExtensionContext context) {
    if (sandbox != null) {
      return false;
    }
    sandbox = config.start();
    owner = context == null ? "" : context.getUniqueId();
    return true;
  }

  private synchronized void stopIfOwner(ExtensionContext context) {
    String id = context == null ? "" : context.getUniqueId();
    if (sandbox != null && id.equals(owner)) {
      try {
        sandbox.close();
      } finally {
        sandbox = null;
        owner = null;
        clients.clear();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    String name = type.getName();
    return type == ClarionSandbox.class || type == SandboxClock.class
        || name.equals(BLOCKING_CLIENT) || name.equals(REACTIVE_CLIENT);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    try {
      if (type == ClarionSandbox.class) {
        return sandbox();
      }
      if (type == SandboxClock.class) {
        return sandbox().clock();
      }
      return client(type);
    } catch (RuntimeException | LinkageError e) {
      throw new ParameterResolutionException("could not resolve " + parameterContext.getParameter()
          + " from the Clarion sandbox: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    ClarionSandbox running = sandbox;
    return "ClarionSandboxExtension{" + (running == null ? "not running" : running.toString()) + '}';
  }

  /** Configures a {@link ClarionSandboxExtension}. */
  public static final class Builder {
    private ClarionSandbox.Builder sandbox = ClarionSandbox.builder();
    private boolean resetBeforeEach = true;

    private Builder() {}

    /** How to start the sandbox: {@code ClarionSandbox.builder().seed(7).listOrder(...)}. */
    public Builder sandbox(ClarionSandbox.Builder sandbox) {
      this.sandbox = requireNonNull(sandbox, "sandbox == null");
      return this;
    }

    /** Whether to reset the sandbox before each test. Default: true. */
    public Builder resetBeforeEach(boolean resetBeforeEach) {
      this.resetBeforeEach = resetBeforeEach;
      return this;
    }

    public ClarionSandboxExtension build() {
      return new ClarionSandboxExtension(this);
    }
  }
}
