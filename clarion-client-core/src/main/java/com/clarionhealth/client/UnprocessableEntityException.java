package com.clarionhealth.client;

/**
 * HTTP 422: the request was well-formed but its values were rejected, e.g. an invalid phone number.
 */
public final class UnprocessableEntityException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(Parts parts) {
    super(parts);
  }
}
