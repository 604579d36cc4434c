package com.clarionhealth.client;

/**
 * Root of every exception the Clarion clients throw; unchecked.
 *
 * <ul>
 *   <li>{@link ClarionApiException}: the server answered with a non-2xx status (one subclass per status family);</li>
 *   <li>{@link ClarionTransportException}: no answer arrived (connection refused, reset, EOF), including
 *       {@link ClarionTimeoutException};</li>
 *   <li>{@link ClarionDecodingException}: a 2xx answer could not be read;</li>
 *   <li>{@link ClarionPagingException}: a listing could not prove it saw every call.</li>
 * </ul>
 *
 * <p>Messages are one line and never contain credentials or header values other than the request id.
 */
public abstract class ClarionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * For subclasses in this library.
   *
   * @param message the one-line message
   */
  protected ClarionException(String message) {
    super(message);
  }

  /**
   * For subclasses in this library.
   *
   * @param message the one-line message
   * @param cause   the underlying failure, may be null
   */
  protected ClarionException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether a {@code POST /call} that failed this way may nevertheless have placed the call: the request may have
   * reached the server and no answer proved otherwise. When true, list calls ({@code GET /call}) before creating it
   * again, or the patient may be rung twice.
   *
   * @return false unless this failure came from {@code POST /call} after the request may have been sent
   */
  public boolean callMayHaveBeenPlaced() {
    return false;
  }
}
