package com.clarionhealth.client.spring.boot;

/** No API key in {@code clarion.api-key} nor in {@code CLARION_API_KEY}: what {@link MissingApiKeyFailureAnalyzer} explains. */
public class MissingApiKeyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MissingApiKeyException() {
    super("clarion.api-key is not set (nor the environment variable CLARION_API_KEY)");
  }
}
