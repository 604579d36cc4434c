package com.clarionhealth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deploy would publish, read from the poms and the jars this build made: the BOM lists exactly the
 * modules that are published (a module is published unless it sets {@code maven.deploy.skip}), at the project's
 * version, and each of them comes with a sources and a Javadoc jar, the Javadoc without internal packages.
 *
 * <p>Reads the sibling modules' {@code target/} directories, which the reactor has filled before this module
 * (it is declared after all of them); failsafe hands over the root directory.
 */
class PublishedArtifactsIT {
  private static final Path ROOT = Path.of(System.getProperty("clarion.root", "")).toAbsolutePath();

  @Test
  void theBomListsEveryPublishedModuleAtTheProjectVersionAndNothingElse() throws Exception {
    Element bom = pom(ROOT.resolve("clarion-bom/pom.xml"));

    // No parent: importing it must not import the build's pins of Jackson, Spring, Netty.
    assertThat(child(bom, "parent")).as("parent").isEmpty();
    assertThat(text(bom, "version")).isEqualTo(BuiltJars.VERSION);
    List<String> listed = new ArrayList<>();
    NodeList dependencies = child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow().getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(text(dependency, "groupId")).isEqualTo("com.clarionhealth");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      assertThat(child(dependency, "scope")).as("scope").isEmpty();
      listed.add(text(dependency, "artifactId"));
    }
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(publishedModules());
  }

  @Test
  void everyPublishedJarHasItsSourcesAndJavadocBesideIt() throws Exception {
    for (String module : publishedModules()) {
      Path target = ROOT.resolve(module).resolve("target");
      String base = module + "-" + BuiltJars.VERSION;
      Path main = target.resolve(base + ".jar");
      Path sources = target.resolve(base + "-sources.jar");
      Path javadoc = target.resolve(base + "-javadoc.jar");
      assertThat(main).as("run `mvn verify` on the whole build: " + module + " is packaged before this module")
          .isRegularFile();
      assertThat(sources).isRegularFile();
      assertThat(javadoc).isRegularFile();

      try (JarFile jar = new JarFile(main.toFile())) {
        Attributes manifest = jar.getManifest().getMainAttributes();
        assertThat(manifest.getValue("Automatic-Module-Name")).as(module).startsWith("com.clarionhealth.");
        assertThat(manifest.getValue("Implementation-Version")).as(module).isEqualTo(BuiltJars.VERSION);
      }
      boolean hasCode = Files.isDirectory(ROOT.resolve(module).resolve("src/main/java"));
      List<String> sourceEntries = entries(sources);
      List<String> javadocEntries = entries(javadoc);
      if (hasCode) {
        assertThat(sourceEntries).as(module + " sources").anyMatch(name -> name.endsWith(".java"));
        assertThat(javadocEntries).as(module + " javadoc").contains("index.html")
            .noneMatch(name -> name.contains("/internal/"));
      } else {
        // api-spec and the two thin starters: a note saying where the document or the code is.
        assertThat(javadocEntries).as(module + " javadoc").contains("README.md");
        assertThat(sourceEntries).as(module + " sources")
            .anyMatch(name -> name.equals("README.md") || name.endsWith(".yaml"));
      }
    }
  }

  @Test
  void theCoreJavadocDocumentsTheApiAndNotTheEngine() throws IOException {
    List<String> javadoc = entries(ROOT.resolve("clarion-client-core/target/clarion-client-core-"
        + BuiltJars.VERSION + "-javadoc.jar"));

    assertThat(javadoc).anyMatch(name -> name.endsWith("com/clarionhealth/client/CallQuery.html"))
        .noneMatch(name -> name.contains("internal") || name.contains("Exchange.html")
            || name.contains("PagingPlan.html"));
  }

  /** The modules of the root pom that a deploy publishes: not skipped by themselves or by their parent. */
  static List<String> publishedModules() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    NodeList modules = child(root, "modules").orElseThrow().getElementsByTagName("module");
    List<String> published = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      String packaging = child(pom, "packaging").map(Node::getTextContent).orElse("jar");
      if (!"jar".equals(packaging) || deploySkipped(pom)) {
        continue; // the BOM, compat-parent: poms; integration-tests, benchmarks, the sample, compat-*: skipped
      }
      published.add(text(pom, "artifactId"));
    }
    Collections.sort(published);
    return published;
  }

  private static boolean deploySkipped(Element pom) throws Exception {
    Optional<String> own = child(pom, "properties").flatMap(p -> child(p, "maven.deploy.skip"))
        .map(Node::getTextContent);
    if (own.isPresent()) {
      return Boolean.parseBoolean(own.get().trim());
    }
    Optional<Element> relative = child(pom, "parent").flatMap(p -> child(p, "relativePath"));
    return relative.isPresent()
        && deploySkipped(pom(ROOT.resolve(relative.get().getTextContent().trim().replace("../", ""))));
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).collect(Collectors.toList());
    }
  }

  private static Element pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  private static Optional<Element> child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeType() == Node.ELEMENT_NODE && node.getNodeName().equals(name)) {
        return Optional.of((Element) node);
      }
    }
    return Optional.empty();
  }

  private static String text(Element parent, String name) {
    return child(parent, name).map(Node::getTextContent).map(String::trim)
        .orElseThrow(() -> new AssertionError(parent.getNodeName() + " has no " + name));
  }
}
