package com.clarionhealth.client;

/**
 * Any 5xx status: the server or a gateway failed. GET requests were already retried. For {@code POST /call} the call may have been placed ({@link #callMayHaveBeenPlaced()} is true): list calls before creating it again.
 */
public final class InternalServerException extends ClarionApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(Parts parts) {
    super(parts);
  }
}
