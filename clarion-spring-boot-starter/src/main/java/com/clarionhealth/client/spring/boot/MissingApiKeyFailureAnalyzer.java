package com.clarionhealth.client.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing key into one clear startup message naming the property, instead of a stack of bean errors. */
class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
    return new FailureAnalysis("The Clarion client has no API key: clarion.api-key is not set, or is blank, and the "
        + "environment variable CLARION_API_KEY is not set either.",
        "Set clarion.api-key (for example from a secret: clarion.api-key=${CLARION_API_KEY}), or define your own "
            + "ClarionClient or ReactiveClarionClient bean.", cause);
  }
}
