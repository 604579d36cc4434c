package com.clarionhealth.it;

import com.clarionhealth.cli.ClarionCli;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import com.clarionhealth.client.testkit.ClarionSandbox;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The published jars of this build, found where this JVM loaded them from (never a path written into the
 * build), and the other jars of the test class path.
 *
 * <p>The boundary tests are failsafe tests ({@code *IT}): they run after {@code package}, so every
 * {@code com.clarionhealth} dependency is on the class path as its jar, not as a classes directory.
 */
enum BuiltJars {
  API_SPEC("api-spec", "com.clarionhealth.apispec", false,
      () -> jarOfResource("clarion/clarion-openapi.yaml")),
  MODELS("clarion-models", "com.clarionhealth.client.models", true, () -> jarOf(Call.class)),
  CORE("clarion-client-core", "com.clarionhealth.client.core", true, () -> jarOf(CallQuery.class)),
  BLOCKING("clarion-client-blocking", "com.clarionhealth.client.blocking", true,
      () -> jarOf(ClarionClient.class)),
  REACTIVE("clarion-client-reactive", "com.clarionhealth.client.reactive", false,
      () -> jarOf(ReactiveClarionClient.class)),
  TESTKIT("clarion-testkit", "com.clarionhealth.client.testkit", false, () -> jarOf(ClarionSandbox.class)),
  CLI("clarion-cli", "com.clarionhealth.cli", false, () -> jarOf(ClarionCli.class));

  /** The project version, handed over by failsafe: what every manifest and descriptor must carry. */
  static final String VERSION = requiredProperty("clarion.version");

  final String artifactId;
  final String moduleName;
  /** Whether the jar has a module-info (else its name is only the manifest's Automatic-Module-Name). */
  final boolean explicit;
  private final Supplier<Path> locate;

  BuiltJars(String artifactId, String moduleName, boolean explicit, Supplier<Path> locate) {
    this.artifactId = artifactId;
    this.moduleName = moduleName;
    this.explicit = explicit;
    this.locate = locate;
  }

  Path jar() {
    Path jar = locate.get();
    if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
      throw new AssertionError(artifactId + " was loaded from " + jar + ", not from its jar: these tests read"
          + " the packaged jars and run in `mvn verify` (failsafe, after package)");
    }
    return jar;
  }

  /** The one module a finder over this jar alone sees. */
  ModuleReference module() {
    Set<ModuleReference> found = ModuleFinder.of(jar()).findAll();
    if (found.size() != 1) {
      throw new AssertionError(jar() + " holds " + found.size() + " modules");
    }
    return found.iterator().next();
  }

  static Path[] jars(BuiltJars... jars) {
    return Arrays.stream(jars).map(BuiltJars::jar).toArray(Path[]::new);
  }

  /**
   * A finder over every jar of the test class path that has a module-info, as if they were all on a
   * {@code --module-path}: our modular jars and every dependency that is a real module. Automatic modules are
   * left out on purpose: once one is resolved the JDK resolves every observable automatic module, which on
   * this class path (Spring, Netty, the validator's libraries) would test their packaging, not ours.
   */
  static ModuleFinder explicitModulesOnClassPath() {
    List<Path> explicit = new ArrayList<>();
    for (Path jar : classPathJars()) {
      try {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        if (found.size() == 1 && !found.iterator().next().descriptor().isAutomatic()) {
          explicit.add(jar);
        }
      } catch (FindException notAModule) {
        // a jar the JDK cannot read as a module at all: it could not be on a module path either
      }
    }
    return ModuleFinder.of(explicit.toArray(Path[]::new));
  }

  static List<Path> classPathJars() {
    return Arrays.stream(requiredProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .filter(path -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar"))
        .collect(Collectors.toList());
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path jarOfResource(String resource) {
    URL url = BuiltJars.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new AssertionError(resource + " is not on the test class path");
    }
    if (!"jar".equals(url.getProtocol())) {
      return Path.of(url.getPath()); // a directory: jar() says why that is not enough
    }
    try {
      return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (failsafe sets it, see the pom)");
    }
    return value;
  }
}
