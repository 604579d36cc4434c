package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * {@code com.clarionhealth.client.internal} is for the two clients only: the command-line tool and the
 * testkit do not use it, and in a module layer no module but the two clients can reach it.
 */
class InternalPackageIT {
  private static final String INTERNAL = "com.clarionhealth.client.internal";

  @Test
  void theCliAndTheTestkitReferenceNoInternalClass() throws IOException {
    assertThat(classesReferringToInternal(BuiltJars.CLI)).isEmpty();
    assertThat(classesReferringToInternal(BuiltJars.TESTKIT)).isEmpty();
  }

  @Test
  void theScanFindsTheReferencesTheClientsDoMake() throws IOException {
    // The same scan over the clients, which do use internal: it would see a reference in the CLI or testkit.
    assertThat(classesReferringToInternal(BuiltJars.BLOCKING)).isNotEmpty();
    assertThat(classesReferringToInternal(BuiltJars.REACTIVE)).isNotEmpty();
  }

  @Test
  void inALayerOnlyTheTwoClientsCanReachInternal() throws Exception {
    // The modular jars and their dependencies, plus the automatic modules of the reactive client, the
    // testkit and the CLI, all resolved together as one module path.
    ModuleLayer layer = ModuleLayerIT.layer(
        ModuleFinder.compose(BuiltJars.explicitModulesOnClassPath(),
            ModuleFinder.of(BuiltJars.jars(BuiltJars.REACTIVE, BuiltJars.TESTKIT, BuiltJars.CLI))),
        BuiltJars.BLOCKING.moduleName, BuiltJars.REACTIVE.moduleName, BuiltJars.TESTKIT.moduleName,
        BuiltJars.CLI.moduleName);
    Module core = module(layer, BuiltJars.CORE);

    assertThat(core.isExported(INTERNAL, module(layer, BuiltJars.BLOCKING))).isTrue();
    assertThat(core.isExported(INTERNAL, module(layer, BuiltJars.REACTIVE))).isTrue();
    for (BuiltJars outsider : List.of(BuiltJars.TESTKIT, BuiltJars.CLI, BuiltJars.MODELS)) {
      assertThat(core.isExported(INTERNAL, module(layer, outsider))).as(outsider.moduleName).isFalse();
      assertThat(core.isOpen(INTERNAL, module(layer, outsider))).as(outsider.moduleName).isFalse();
      assertThat(core.isExported("com.clarionhealth.client", module(layer, outsider))).isTrue();
    }
    assertThat(core.isExported(INTERNAL)).as("exported to all").isFalse();

    // And actual attempts from outside (this test's unnamed module) fail, for every public internal class
    // and each of its public static methods, while core's API is reachable the same way.
    MethodHandles.Lookup outside = MethodHandles.lookup();
    List<Class<?>> internalClasses = publicClasses(layer, INTERNAL.replace('.', '/') + "/");
    assertThat(internalClasses).isNotEmpty();
    int staticMethods = 0;
    for (Class<?> internal : internalClasses) {
      assertThat(internal.getModule()).isSameAs(core);
      assertThatThrownBy(() -> outside.accessClass(internal)).as(internal.getName())
          .isInstanceOf(IllegalAccessException.class);
      assertThat(internal.getConstructors()).allSatisfy(c -> assertThat(c.trySetAccessible()).isFalse());
      for (Method method : internal.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
          staticMethods++;
          // Refused before the (null) arguments are even looked at.
          assertThatThrownBy(() -> method.invoke(null, new Object[method.getParameterCount()]))
              .as(method.toString())
              .isInstanceOf(IllegalAccessException.class)
              .hasMessageContaining("does not export " + INTERNAL + " to unnamed module");
        }
      }
    }
    assertThat(staticMethods).isPositive();
    Class<?> callQuery = core.getClassLoader().loadClass("com.clarionhealth.client.CallQuery");
    assertThat(callQuery.getModule()).isSameAs(core);
    assertThat(outside.accessClass(callQuery)).isSameAs(callQuery);
  }

  private static Module module(ModuleLayer layer, BuiltJars jar) {
    return layer.findModule(jar.moduleName).orElseThrow(() -> new AssertionError(jar.moduleName + " not in layer"));
  }

  /** The public top-level classes of core's jar under {@code prefix}, loaded through the layer. */
  private static List<Class<?>> publicClasses(ModuleLayer layer, String prefix) throws Exception {
    ClassLoader loader = module(layer, BuiltJars.CORE).getClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(BuiltJars.CORE.jar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".class") && !name.contains("$")
            && !name.endsWith("package-info.class")) {
          Class<?> type = loader.loadClass(name.substring(0, name.length() - 6).replace('/', '.'));
          if (Modifier.isPublic(type.getModifiers())) {
            classes.add(type);
          }
        }
      }
    }
    return classes;
  }

  /**
   * The class files of the jar whose bytes name an internal class, either as a class file reference
   * ({@code com/clarionhealth/client/internal/...}) or as a string constant given to reflection
   * ({@code com.clarionhealth.client.internal....}). Both are ASCII, so they appear verbatim in the constant pool.
   */
  private static List<String> classesReferringToInternal(BuiltJars builtJar) throws IOException {
    byte[] slashed = (INTERNAL.replace('.', '/') + "/").getBytes(StandardCharsets.US_ASCII);
    byte[] dotted = (INTERNAL + ".").getBytes(StandardCharsets.US_ASCII);
    List<String> referring = new ArrayList<>();
    int scanned = 0;
    try (JarFile jar = new JarFile(builtJar.jar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        scanned++;
        if (indexOf(bytes, slashed) >= 0 || indexOf(bytes, dotted) >= 0) {
          referring.add(entry.getName());
        }
      }
    }
    assertThat(scanned).as("class files in " + builtJar.artifactId).isPositive();
    return referring;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
