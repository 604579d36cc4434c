package com.clarionhealth.client.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * What the JDK client sends again by itself. On HTTP/1.1, when a connection closes before any byte of
 * the answer, it sends the request once more at once, without telling its caller: a GET always (harmless,
 * the engine's own retries come after it), any method when {@value #ALL_METHODS} is set. A
 * {@code POST /call} sent again that way may ring a patient twice, and the property is read once for
 * the whole JVM, so a client is never built where it is set.
 */
final class JdkResends {
  static final String ALL_METHODS = "jdk.httpclient.enableAllMethodRetry";

  private JdkResends() {}

  static void refuseAllMethods() {
    refuseAllMethods(System::getProperty, netProperties());
  }

  /** As the JDK reads it (NetProperties): the system property, else the JDK's net.properties; "" means true. */
  static void refuseAllMethods(UnaryOperator<String> systemProperties, Properties netProperties) {
    String value = systemProperties.apply(ALL_METHODS);
    String where = "as a system property";
    if (value == null) {
      value = netProperties.getProperty(ALL_METHODS);
      where = "in the JDK's conf/net.properties";
    }
    if (value != null && (value.isEmpty() || Boolean.parseBoolean(value))) {
      throw new IllegalStateException(ALL_METHODS + " is set " + where + ": the JDK HttpClient would then send"
          + " POST /call again by itself when a connection closes before the answer, which may place the call"
          + " twice. Remove it from this JVM to use ClarionClient.");
    }
  }

  private static Properties netProperties() {
    Properties properties = new Properties();
    Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      // none: the JDK reads none either
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + " to check " + ALL_METHODS, e);
    }
    return properties;
  }
}
