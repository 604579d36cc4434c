package com.clarionhealth.client.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's main sources compile against the class path of this test run, as strictly as the build
 * compiles them ({@code -Xlint:all -Werror}). In a compat-boot* module that class path is a Spring Boot
 * line's (Spring 6.2, Reactor Netty 1.2, Netty 4.1 for Boot 3.5): a method the client calls that exists only
 * in newer versions fails here, even on a path no other test takes. The tests only show the paths they run.
 * Those modules set {@code clarion.reactive.sources}; this module does not, since its own build compiles the
 * sources on its own class path already.
 */
class MainSourcesCompileTest {
  @Test
  void theClientsSourcesCompileOnThisClassPath(@TempDir Path out) throws IOException, URISyntaxException {
    String sources = System.getProperty("clarion.reactive.sources");
    assumeTrue(sources != null, "clarion.reactive.sources is not set");
    List<String> files;
    try (Stream<Path> walk = Files.walk(Path.of(sources))) {
      files = walk.map(Path::toString).filter(name -> name.endsWith(".java")).collect(Collectors.toList());
    }
    assertThat(files).isNotEmpty();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();

    // The test class path minus the client's own classes, which the sources are to replace, and minus the
    // directories that do not exist (a module with no main code), which javac would warn about.
    Path compiled = Path.of(ReactiveClarionClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty() && Files.exists(Path.of(entry)))
        .filter(entry -> !Path.of(entry).toAbsolutePath().equals(compiled.toAbsolutePath()))
        .collect(Collectors.joining(File.pathSeparator));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    List<String> arguments = Stream.concat(Stream.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
        "-classpath", classPath, "-d", out.toString()), files.stream()).collect(Collectors.toList());

    int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));

    assertThat(status).as("javac's output:%n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();
  }
}
