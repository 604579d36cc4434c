package com.clarionhealth.client.contract;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of every contract: how to get a client, and the one rule every test of the suite checks
 * after it ran: no API key that any client of the test was given (directly, by its supplier or by the
 * environment) appears in anything it logged at DEBUG or above.
 */
public abstract class ClientContract {
  @RegisterExtension
  protected final LogCapture logs = new LogCapture();

  private final Set<String> keysGiven = ConcurrentHashMap.newKeySet();

  /** The client under test, built from {@code config}; each module implements it once per contract. */
  protected abstract ClientDriver driver(ClientConfig config);

  /** A client built from {@code config}, its keys noted for the check of the logs. */
  protected final ClientDriver connect(ClientConfig config) {
    note(config.apiKey());
    note(config.env().get("CLARION_API_KEY"));
    Supplier<String> supplier = config.apiKeySupplier();
    if (supplier != null) {
      config = config.apiKeySupplier(() -> {
        String key = supplier.get();
        note(key);
        return key;
      });
    }
    return driver(config);
  }

  private void note(String key) {
    if (key != null && !key.isBlank()) {
      keysGiven.add(key);
    }
  }

  @AfterEach
  void noKeyWasLogged() {
    keysGiven.add(ContractSupport.API_KEY);
    keysGiven.forEach(logs::assertNothingContains);
  }
}
