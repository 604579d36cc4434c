package com.clarionhealth.it;

import japicmp.config.Options;
import japicmp.model.AccessModifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The options of the build's API check, read from the {@code <parameter>} of the root pom's japicmp-maven-plugin
 * configuration and applied to japicmp's {@link Options} the way the plugin applies them (its
 * {@code JApiCmpProcessor}: {@code getOptions} and {@code breakBuildIfNecessary}). An option this class does not
 * know fails, so that the build cannot check with an option the test leaves out.
 */
final class ApiCheckOptions {
  private static final Path ROOT_POM = Path.of("../pom.xml");
  private static final String PLUGIN = "japicmp-maven-plugin";
  /** Options that only shape the reports japicmp writes, not what it compares or what fails. */
  private static final Set<String> REPORT_ONLY = Set.of("skipPomModules", "skipXmlReport", "skipHtmlReport",
      "skipMarkdownReport", "skipDiffReport", "htmlTitle", "markdownTitle", "reportOnlyFilename",
      "reportOnlySummary", "reproducibleReport");

  private ApiCheckOptions() {}

  static Options fromRootPom() throws IOException {
    Map<String, List<String>> parameters = parameters();
    boolean excludeExclusively = flag(parameters.remove("excludeExclusively"));
    boolean includeExclusively = flag(parameters.remove("includeExclusively"));
    Options options = Options.newDefault();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      List<String> values = parameter.getValue();
      switch (parameter.getKey()) {
        case "accessModifier":
          options.setAccessModifier(AccessModifier.valueOf(single(values).toUpperCase(Locale.ROOT)));
          break;
        case "excludes":
          values.forEach(exclude -> options.addExcludeFromArgument(Optional.of(exclude), excludeExclusively));
          break;
        case "includes":
          values.forEach(include -> options.addIncludeFromArgument(Optional.of(include), includeExclusively));
          break;
        case "onlyModified":
          options.setOutputOnlyModifications(flag(values));
          break;
        case "onlyBinaryIncompatible":
          options.setOutputOnlyBinaryIncompatibleModifications(flag(values));
          break;
        case "includeSynthetic":
          options.setIncludeSynthetic(flag(values));
          break;
        case "ignoreMissingClasses":
          options.setIgnoreMissingClasses(flag(values));
          break;
        case "noAnnotations":
          options.setNoAnnotations(flag(values));
          break;
        case "breakBuildOnBinaryIncompatibleModifications":
          options.setErrorOnBinaryIncompatibility(flag(values));
          break;
        case "breakBuildOnSourceIncompatibleModifications":
          options.setErrorOnSourceIncompatibility(flag(values));
          break;
        case "breakBuildOnModifications":
          options.setErrorOnModifications(flag(values));
          break;
        case "breakBuildIfCausedByExclusion":
          options.setErrorOnExclusionIncompatibility(flag(values));
          break;
        default:
          if (!REPORT_ONLY.contains(parameter.getKey())) {
            throw new IllegalStateException("The root pom gives japicmp the option " + parameter.getKey()
                + ", which ApiCheckOptions does not apply: apply it here as the plugin does.");
          }
      }
    }
    return options;
  }

  /** Each parameter with its value, or the values of its children for a list ({@code <excludes>}). */
  private static Map<String, List<String>> parameters() throws IOException {
    Element parameter = child(child(plugin(), "configuration"), "parameter");
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Element option : children(parameter)) {
      List<Element> items = children(option);
      List<String> values = new ArrayList<>();
      if (items.isEmpty()) {
        values.add(option.getTextContent().trim());
      } else {
        items.forEach(item -> values.add(item.getTextContent().trim()));
      }
      if (values.stream().anyMatch(value -> value.contains("${"))) {
        throw new IllegalStateException("ApiCheckOptions does not interpolate properties: " + option.getTagName());
      }
      parameters.put(option.getTagName(), values);
    }
    return parameters;
  }

  private static Element plugin() throws IOException {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      root = factory.newDocumentBuilder().parse(Files.newInputStream(ROOT_POM)).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + ROOT_POM, e);
    }
    for (Element plugin : children(child(child(child(root, "build"), "pluginManagement"), "plugins"))) {
      if (PLUGIN.equals(child(plugin, "artifactId").getTextContent().trim())) {
        return plugin;
      }
    }
    throw new IllegalStateException("no " + PLUGIN + " in the root pom's pluginManagement");
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">"));
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element) {
        children.add((Element) node);
      }
    }
    return children;
  }

  private static boolean flag(List<String> values) {
    return values != null && Boolean.parseBoolean(single(values));
  }

  private static String single(List<String> values) {
    if (values.size() != 1) {
      throw new IllegalStateException("one value expected, got " + values);
    }
    return values.get(0);
  }
}
