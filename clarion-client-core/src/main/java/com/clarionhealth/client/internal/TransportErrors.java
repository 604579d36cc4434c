package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionException;
import com.clarionhealth.client.ClarionTimeoutException;
import com.clarionhealth.client.ClarionTransportException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one classification of transport failures: whether the request may have reached the server
 * ({@link ClarionTransportException#requestSent()}), and whether it was a timeout. It knows the JDK's
 * exceptions; each transport names only the two kinds its own library adds.
 *
 * <p>Only a connection that was never made proves the request did not reach the server. Anything
 * else, including a failure this class does not recognise, counts as sent: for {@code POST /call}
 * the cautious answer is the only safe one.
 */
public final class TransportErrors {
  private final Predicate<Throwable> connectTimeout;
  private final Predicate<Throwable> responseTimeout;

  /**
   * @param connectTimeout the transport library's exceptions for a connection that was not made in
   *     time, so nothing was sent (checked first: they may extend {@link ConnectException} or
   *     {@link TimeoutException})
   * @param responseTimeout the library's exceptions for an answer that did not come in time
   */
  public TransportErrors(Predicate<Throwable> connectTimeout, Predicate<Throwable> responseTimeout) {
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
  }

  /** The exception {@code error}, raised by one attempt of {@code method path}, stands for. */
  ClarionException classify(String method, String path, Throwable error) {
    if (error instanceof ClarionException) {
      return (ClarionException) error;
    }
    if (any(error, connectTimeout)) {
      return ClarionTimeoutException.connectTimeout(method, path, error);
    }
    if (any(error, TransportErrors::neverConnected)) {
      return ClarionTransportException.create(method, path, false, error);
    }
    if (any(error, e -> e instanceof TimeoutException || e instanceof SocketTimeoutException)
        || any(error, responseTimeout)) {
      return ClarionTimeoutException.responseTimeout(method, path, error);
    }
    return ClarionTransportException.create(method, path, true, error);
  }

  /** An interrupted thread or a cancelled exchange: the caller gave up, so nothing is retried. */
  static boolean isAbort(Throwable error) {
    return any(error, e -> e instanceof InterruptedException || e instanceof CancellationException);
  }

  private static boolean neverConnected(Throwable e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof UnresolvedAddressException
        || e instanceof SSLHandshakeException;
  }

  private static boolean any(Throwable error, Predicate<Throwable> test) {
    int depth = 0;
    for (Throwable e = error; e != null && depth < 32; e = e.getCause(), depth++) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }
}
