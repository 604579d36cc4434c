package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user with only one of the clients: the testkit must work with the other client, and everything it drags
 * in, absent from the class path. Checked by loading the testkit in a class loader without them.
 */
class OptionalClientsTest {
  private static final Predicate<String> REACTIVE_STACK = Pattern.compile(
      "clarion-client-reactive|[/\\\\]org[/\\\\]springframework[/\\\\]|[/\\\\]io[/\\\\]projectreactor[/\\\\]"
          + "|[/\\\\]io[/\\\\]netty[/\\\\]|[/\\\\]tools[/\\\\]jackson[/\\\\]|[/\\\\]io[/\\\\]micrometer[/\\\\]")
      .asPredicate();
  private static final Predicate<String> BLOCKING = Pattern.compile("clarion-client-blocking").asPredicate();
  private static final Predicate<String> TEST_CLASSES = Pattern.compile("test-classes").asPredicate();

  @Test
  void withoutTheReactiveClientTheExtensionMakesABlockingClient() throws Exception {
    try (URLClassLoader loader = classLoaderWithout(REACTIVE_STACK)) {
      assertThatThrownBy(() -> loader.loadClass(ClarionSandboxExtension.REACTIVE_CLIENT))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> loader.loadClass("reactor.core.publisher.Mono"))
          .isInstanceOf(ClassNotFoundException.class);

      Object calls = withClient(loader, ClarionSandboxExtension.BLOCKING_CLIENT, client ->
          client.getClass().getMethod("calls").invoke(client));
      assertThat(calls.getClass().getName()).isEqualTo("com.clarionhealth.client.blocking.Calls");
    }
  }

  @Test
  void withoutTheBlockingClientTheExtensionMakesAReactiveClient() throws Exception {
    try (URLClassLoader loader = classLoaderWithout(BLOCKING)) {
      assertThatThrownBy(() -> loader.loadClass(ClarionSandboxExtension.BLOCKING_CLIENT))
          .isInstanceOf(ClassNotFoundException.class);

      Object calls = withClient(loader, ClarionSandboxExtension.REACTIVE_CLIENT, client ->
          client.getClass().getMethod("calls").invoke(client));
      assertThat(calls.getClass().getName()).isEqualTo("com.clarionhealth.client.reactive.ReactiveCalls");
    }
  }

  interface Use {
    Object apply(Object client) throws Exception;
  }

  /** Starts the extension as JUnit would (no context needed), asks for a client by type and lists calls. */
  private static Object withClient(ClassLoader loader, String clientType, Use use) throws Exception {
    Class<?> extensionType = loader.loadClass(ClarionSandboxExtension.class.getName());
    assertThat(extensionType.getClassLoader()).isSameAs(loader);
    // Reflection over the whole public surface must not trip over a missing client class.
    assertThat(extensionType.getMethods()).isNotEmpty();
    assertThat(loader.loadClass(ClarionSandbox.class.getName()).getMethods()).isNotEmpty();
    Class<?> context = loader.loadClass("org.junit.jupiter.api.extension.ExtensionContext");
    Object extension = extensionType.getMethod("create").invoke(null);
    extensionType.getMethod("beforeAll", context).invoke(extension, (Object) null);
    try {
      Object client = extensionType.getMethod("client", Class.class).invoke(extension, loader.loadClass(clientType));
      assertThat(client.getClass().getName()).isEqualTo(clientType);
      return use.apply(client);
    } finally {
      extensionType.getMethod("afterAll", context).invoke(extension, (Object) null);
    }
  }

  private static URLClassLoader classLoaderWithout(Predicate<String> excluded) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !excluded.test(entry) && !TEST_CLASSES.test(entry)) {
        urls.add(toUrl(entry));
      }
    }
    assertThat(urls).as("the test class path").hasSizeGreaterThan(5);
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static URL toUrl(String entry) {
    try {
      return Paths.get(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyClassIsJava11ButTheReactiveFactoryAndOnlyTheFactoriesNameAClientPackage() throws IOException {
    Path classes = Paths.get("target/classes/com/clarionhealth/client/testkit");
    List<Path> files;
    try (Stream<Path> walk = Files.list(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
      String name = file.getFileName().toString();
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(major).as(name).isEqualTo(name.equals("ReactiveClients.class") ? 61 : 55);
      assertThat(text.contains("com/clarionhealth/client/reactive/")).as(name)
          .isEqualTo(name.equals("ReactiveClients.class"));
      assertThat(text.contains("com/clarionhealth/client/blocking/")).as(name)
          .isEqualTo(name.equals("BlockingClients.class"));
    }
  }

  @Test
  void bothClientsAreOptionalDependencies() throws IOException {
    String pom = Files.readString(Paths.get("pom.xml"));
    for (String client : List.of("clarion-client-blocking", "clarion-client-reactive")) {
      assertThat(pom).containsPattern("<artifactId>" + client + "</artifactId>\\s*<optional>true</optional>");
    }
  }
}
