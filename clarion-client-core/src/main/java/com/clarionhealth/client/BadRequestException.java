package com.clarionhealth.client;

/**
 * HTTP 400: the request was malformed, e.g. a missing or invalid field. Fix the request; retrying it unchanged fails again.
 */
public final class BadRequestException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(Parts parts) {
    super(parts);
  }
}
