package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.config.Options;
import japicmp.exception.JApiCmpException;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiMethod;
import japicmp.output.incompatible.IncompatibleErrorOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's API check (japicmp-maven-plugin in the root pom) reports a removed public method and fails on it,
 * and lets additions and changes to internal packages pass. Until a first release there is nothing for the build
 * to compare with, so this runs japicmp, the library the plugin runs, with the options of the root pom
 * ({@link ApiCheckOptions}) on two versions of a small library compiled and jarred here.
 */
class ApiCompatibilityCheckTest {
  private static final String GREETER = "com.clarionhealth.apicheck.Greeter";
  private static final String WIRING = "com.clarionhealth.apicheck.internal.Wiring";

  @TempDir
  static Path dir;
  private static Path released;
  private static Path breaking;
  private static Path compatible;

  @BeforeAll
  static void compileTheVersions() throws IOException {
    released = jar("released", greeter("wave", "greet"), wiring("connect", "disconnect"));
    breaking = jar("breaking", greeter("greet", "nod"), wiring("connect"));
    compatible = jar("compatible", greeter("wave", "greet", "nod"), wiring("connect"));
  }

  @Test
  void aRemovedPublicMethodIsReportedAsBreakingAndFailsTheCheck() throws IOException {
    Comparison comparison = compare(ApiCheckOptions.fromRootPom(), released, breaking);

    JApiClass greeter = comparison.classNamed(GREETER);
    JApiMethod wave = greeter.getMethods().stream().filter(m -> m.getName().equals("wave")).findFirst().orElseThrow();
    assertThat(wave.getChangeStatus()).isEqualTo(JApiChangeStatus.REMOVED);
    assertThat(wave.isBinaryCompatible()).isFalse();
    assertThat(wave.isSourceCompatible()).isFalse();
    assertThat(wave.getCompatibilityChanges()).extracting(JApiCompatibilityChange::getType)
        .contains(JApiCompatibilityChangeType.METHOD_REMOVED);
    assertThat(comparison.names()).as("internal packages are not compared").doesNotContain(WIRING);

    JApiCmpException failure = catchThrowableOfType(JApiCmpException.class, comparison::check);
    assertThat(failure).isNotNull();
    assertThat(failure.getReason()).isEqualTo(JApiCmpException.Reason.IncompatibleChange);
    assertThat(failure.getMessage()).contains(GREETER + ".wave():METHOD_REMOVED").doesNotContain("nod");
  }

  @Test
  void anAddedMethodAndARemovedInternalMethodPass() throws IOException {
    Comparison comparison = compare(ApiCheckOptions.fromRootPom(), released, compatible);

    assertThat(comparison.classNamed(GREETER).getMethods()).filteredOn(m -> m.getName().equals("nod"))
        .singleElement().satisfies(nod -> assertThat(nod.getChangeStatus()).isEqualTo(JApiChangeStatus.NEW));
    assertThat(comparison.names()).doesNotContain(WIRING);
    assertThatCode(comparison::check).doesNotThrowAnyException();
  }

  /** What the plugin does between reading its options and failing the build. */
  private static Comparison compare(Options options, Path old, Path changed) {
    JApiCmpArchive oldArchive = new JApiCmpArchive(old.toFile(), "1.0.0");
    JApiCmpArchive newArchive = new JApiCmpArchive(changed.toFile(), "1.1.0");
    options.getOldArchives().add(oldArchive);
    options.getNewArchives().add(newArchive);
    JarArchiveComparator comparator = new JarArchiveComparator(JarArchiveComparatorOptions.of(options));
    return new Comparison(options, comparator, comparator.compare(oldArchive, newArchive));
  }

  private static final class Comparison {
    private final Options options;
    private final JarArchiveComparator comparator;
    private final List<JApiClass> classes;

    Comparison(Options options, JarArchiveComparator comparator, List<JApiClass> classes) {
      this.options = options;
      this.comparator = comparator;
      this.classes = classes;
    }

    JApiClass classNamed(String name) {
      return classes.stream().filter(c -> c.getFullyQualifiedName().equals(name)).findFirst().orElseThrow();
    }

    List<String> names() {
      return classes.stream().map(JApiClass::getFullyQualifiedName).collect(Collectors.toList());
    }

    /** Throws as the plugin's check does when the build must fail. */
    void check() {
      new IncompatibleErrorOutput(options, classes, comparator).generate();
    }
  }

  private static Map.Entry<String, String> greeter(String... methods) {
    return source(GREETER, methods);
  }

  private static Map.Entry<String, String> wiring(String... methods) {
    return source(WIRING, methods);
  }

  /** A public class with one public {@code String} method per name. */
  private static Map.Entry<String, String> source(String className, String... methods) {
    int dot = className.lastIndexOf('.');
    String body = Stream.of(methods).map(m -> "  public String " + m + "() { return \"" + m + "\"; }\n")
        .collect(Collectors.joining());
    return Map.entry(className, "package " + className.substring(0, dot) + ";\n\npublic class "
        + className.substring(dot + 1) + " {\n" + body + "}\n");
  }

  /** Compiles the classes (Java 11 bytecode, as the library modules) and jars them. */
  @SafeVarargs
  private static Path jar(String version, Map.Entry<String, String>... classes) throws IOException {
    Path sources = Files.createDirectories(dir.resolve(version).resolve("src"));
    Path output = Files.createDirectories(dir.resolve(version).resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of("--release", "11", "-proc:none", "-d", output.toString()));
    for (Map.Entry<String, String> type : classes) {
      Path file = sources.resolve(type.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, type.getValue(), StandardCharsets.UTF_8);
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, arguments.toArray(new String[0]))).as("javac").isZero();

    Path jar = dir.resolve(version).resolve("apicheck-" + version + ".jar");
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(output)) {
      classFiles = files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path classFile : classFiles) {
        out.putNextEntry(new JarEntry(output.relativize(classFile).toString().replace('\\', '/')));
        Files.copy(classFile, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
