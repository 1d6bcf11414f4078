package io.liaison.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two calls released at the same moment on two threads of their own, for the groups that race
 * callers against each other. A group opens one per test and closes it after.
 */
final class Race implements AutoCloseable {

  /** A racing call that takes longer than this is taken for a hang. */
  static final long TIMEOUT_SECONDS = 60;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  /**
   * Runs both calls at once (the threads wait at a barrier) and returns how each ended, in the
   * order given: null, or the exception it threw. An {@link Error} a call throws (a failed
   * assertion) is thrown again here; a call that does not end within {@link #TIMEOUT_SECONDS} fails
   * the test.
   */
  List<Throwable> run(Runnable first, Runnable second) {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<?>> calls = new ArrayList<>();
    for (Runnable call : List.of(first, second)) {
      calls.add(
          threads.submit(
              () -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                call.run();
                return null;
              }));
    }
    List<Throwable> ends = new ArrayList<>();
    for (Future<?> call : calls) {
      try {
        call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ends.add(null);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        ends.add(e.getCause());
      } catch (TimeoutException e) {
        call.cancel(true);
        throw new AssertionError("a racing call did not end within " + TIMEOUT_SECONDS + " s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for a racing call", e);
      }
    }
    return ends;
  }

  /**
   * Runs both calls at once, as {@link #run}, and fails with the first exception either threw (the
   * other suppressed in it).
   */
  void runBothToTheEnd(Runnable first, Runnable second) {
    List<Throwable> failures = new ArrayList<>();
    for (Throwable end : run(first, second)) {
      if (end != null) {
        failures.add(end);
      }
    }
    if (!failures.isEmpty()) {
      Throwable failure = failures.get(0);
      AssertionError error =
          new AssertionError("a racing caller saw an exception: " + failure, failure);
      failures.subList(1, failures.size()).forEach(error::addSuppressed);
      throw error;
    }
  }

  @Override
  public void close() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
