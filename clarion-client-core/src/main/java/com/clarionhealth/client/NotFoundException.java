package com.clarionhealth.client;

/**
 * HTTP 404: the resource or endpoint does not exist; check the base URL.
 */
public final class NotFoundException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(Parts parts) {
    super(parts);
  }
}
