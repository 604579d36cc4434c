package com.clarionhealth.client.blocking;

import java.time.Duration;

/** Waits between attempts; replaced in tests so that no test sleeps for real. */
interface Sleeper {
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
