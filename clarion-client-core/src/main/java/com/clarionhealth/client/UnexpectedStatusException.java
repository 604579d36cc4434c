package com.clarionhealth.client;

/**
 * A non-2xx status without a more specific subclass: 1xx, 3xx (redirects that were not followed), 4xx other than 400, 401, 403, 404, 422 and 429, or a status above 599.
 */
public final class UnexpectedStatusException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(Parts parts) {
    super(parts);
  }
}
