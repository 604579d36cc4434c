package com.clarionhealth.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything the clients log during a test, at DEBUG and above: logback's in-memory appender on the
 * logger {@code com.clarionhealth}, so every logger below it is captured. The clients log through the
 * SLF4J API only; the test classpath binds it to logback. Capture does no I/O (a console write on a
 * Reactor thread would be a blocking call), and the captured lines do not also go to the console.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  public static final String LOGGER = "com.clarionhealth";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger logger;
  private Level levelBefore;
  private boolean additiveBefore;

  @Override
  public void beforeEach(ExtensionContext context) {
    logger = (Logger) LoggerFactory.getLogger(LOGGER);
    levelBefore = logger.getLevel();
    additiveBefore = logger.isAdditive();
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.detachAppender(appender);
    logger.setLevel(levelBefore);
    logger.setAdditive(additiveBefore);
    appender.stop();
  }

  /** What was logged so far, in order. */
  public List<ILoggingEvent> events() {
    synchronized (appender) { // the appender appends under this lock
      return new ArrayList<>(appender.list);
    }
  }

  /** The DEBUG lines so far, formatted as a logging backend would print them. */
  public List<String> debugLines() {
    return events().stream().filter(e -> e.getLevel() == Level.DEBUG).map(ILoggingEvent::getFormattedMessage).toList();
  }

  /**
   * Fails if {@code secret} is in any event: its formatted and raw message, its arguments, its MDC,
   * and the class names and messages of its exception and every cause and suppressed one.
   */
  public void assertNothingContains(String secret) {
    for (ILoggingEvent event : events()) {
      List<String> texts = new ArrayList<>();
      texts.add(event.getFormattedMessage());
      texts.add(event.getMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          texts.add(String.valueOf(argument));
        }
      }
      texts.addAll(event.getMDCPropertyMap().values());
      addThrowable(texts, event.getThrowableProxy());
      assertThat(texts).as("the logged event %s", event).noneSatisfy(text -> assertThat(text).contains(secret));
    }
  }

  private static void addThrowable(List<String> texts, IThrowableProxy proxy) {
    if (proxy == null) {
      return;
    }
    texts.add(proxy.getClassName() + ": " + proxy.getMessage());
    addThrowable(texts, proxy.getCause());
    if (proxy.getSuppressed() != null) {
      for (IThrowableProxy suppressed : proxy.getSuppressed()) {
        addThrowable(texts, suppressed);
      }
    }
  }

  /** The formatted messages of the logger named {@code name} at {@code level}, in order. */
  public List<String> messages(String name, Level level) {
    return events().stream().filter(e -> e.getLoggerName().equals(name) && e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Everything an appender could print of every event: messages, arguments and throwables. */
  public String everything() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent event : events()) {
      List<String> texts = new ArrayList<>();
      texts.add(event.getLoggerName());
      texts.add(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          texts.add(String.valueOf(argument));
        }
      }
      addThrowable(texts, event.getThrowableProxy());
      all.append(String.join(" ", texts)).append('\n');
    }
    return all.toString();
  }
}
