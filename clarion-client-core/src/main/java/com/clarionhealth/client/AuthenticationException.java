package com.clarionhealth.client;

/**
 * HTTP 401: the API key is missing, wrong or revoked. Check the {@code CLARION_API_KEY} or the key given to the client builder.
 */
public final class AuthenticationException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(Parts parts) {
    super(parts);
  }
}
