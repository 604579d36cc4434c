package com.clarionhealth.client;

/**
 * HTTP 403: the API key is valid but not allowed to do this.
 */
public final class PermissionDeniedException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(Parts parts) {
    super(parts);
  }
}
