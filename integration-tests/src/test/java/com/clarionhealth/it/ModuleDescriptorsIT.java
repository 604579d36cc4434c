package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each published jar declares: its module name (module-info or manifest), its version, and for the
 * three modular jars the exports, opens and requires that make the boundaries.
 */
class ModuleDescriptorsIT {
  private static final String CLIENT = "com.clarionhealth.client";
  private static final String INTERNAL = "com.clarionhealth.client.internal";
  private static final String MODEL = "com.clarionhealth.client.model";

  @ParameterizedTest
  @EnumSource(BuiltJars.class)
  void everyPublishedJarHasItsStableModuleName(BuiltJars jar) {
    ModuleDescriptor descriptor = jar.module().descriptor();

    assertThat(descriptor.name()).isEqualTo(jar.moduleName);
    // An automatic module named after the manifest entry, not one derived from the file name.
    assertThat(descriptor.isAutomatic()).as("automatic").isEqualTo(!jar.explicit);
    assertThat(descriptor.rawVersion()).contains(BuiltJars.VERSION);
  }

  @ParameterizedTest
  @EnumSource(BuiltJars.class)
  void everyPublishedManifestSaysWhichModuleAndVersionItIs(BuiltJars jar) throws IOException {
    try (JarFile file = new JarFile(jar.jar().toFile())) {
      Attributes main = file.getManifest().getMainAttributes();

      assertThat(main.getValue("Automatic-Module-Name")).isEqualTo(jar.moduleName);
      assertThat(main.getValue("Implementation-Title")).isEqualTo(jar.artifactId);
      assertThat(main.getValue("Implementation-Version")).isEqualTo(BuiltJars.VERSION);
    }
  }

  @Test
  void coreExportsItsApiToAllAndItsInternalsToTheTwoClientsOnly() {
    ModuleDescriptor core = BuiltJars.CORE.module().descriptor();

    Map<String, Set<String>> exports = core.exports().stream()
        .collect(Collectors.toMap(Exports::source, Exports::targets));
    assertThat(exports).containsOnlyKeys(CLIENT, INTERNAL);
    assertThat(exports.get(CLIENT)).as("unqualified").isEmpty();
    assertThat(exports.get(INTERNAL))
        .containsExactlyInAnyOrder(BuiltJars.BLOCKING.moduleName, BuiltJars.REACTIVE.moduleName);
    // Every package of the jar is one of the two: no third package slips out unexported or exported.
    assertThat(core.packages()).containsExactlyInAnyOrder(CLIENT, INTERNAL);
    assertThat(core.isOpen()).isFalse();
    assertThat(core.opens()).isEmpty();
    // CallPage exposes the models' Call: a module that reads core reads the models.
    assertThat(requires(core, BuiltJars.MODELS.moduleName))
        .hasValueSatisfying(r -> assertThat(r.modifiers()).contains(Requires.Modifier.TRANSITIVE));
  }

  @Test
  void theModelsAreExportedAndOpenToBothJacksonGenerations() {
    ModuleDescriptor models = BuiltJars.MODELS.module().descriptor();

    assertThat(models.exports()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(MODEL);
      assertThat(e.isQualified()).isFalse();
    });
    // Unqualified: com.fasterxml.jackson.databind (blocking) and tools.jackson.databind (reactive) both bind
    // these classes reflectively; ModuleLayerIT shows both doing it.
    assertThat(models.opens()).extracting(Opens::source, Opens::isQualified)
        .containsExactly(tuple(MODEL, false));
    assertThat(requires(models, "com.fasterxml.jackson.annotation")).isPresent();
  }

  @Test
  void blockingRequiresCoreTransitivelyAndNothingReactive() {
    ModuleDescriptor blocking = BuiltJars.BLOCKING.module().descriptor();

    assertThat(blocking.exports()).extracting(Exports::source, Exports::isQualified)
        .containsExactly(tuple("com.clarionhealth.client.blocking", false));
    // Calls throws core's exceptions and takes its CallQuery: users of blocking read core without asking.
    assertThat(requires(blocking, BuiltJars.CORE.moduleName))
        .hasValueSatisfying(r -> assertThat(r.modifiers()).contains(Requires.Modifier.TRANSITIVE));
    assertThat(blocking.requires()).extracting(Requires::name)
        .contains("com.fasterxml.jackson.databind")
        .noneMatch(ModuleDescriptorsIT::isReactiveStack);
  }

  /** A module of the reactive client's stack: Reactor, Spring, Netty, Reactive Streams or Jackson 3. */
  static boolean isReactiveStack(String moduleName) {
    return moduleName.matches(
        "(reactor|spring|org\\.springframework|io\\.netty|org\\.reactivestreams|tools\\.jackson)(\\..*)?");
  }

  private static Optional<Requires> requires(ModuleDescriptor descriptor, String moduleName) {
    return descriptor.requires().stream().filter(r -> r.name().equals(moduleName)).findFirst();
  }
}
