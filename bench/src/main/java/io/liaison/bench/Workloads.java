package io.liaison.bench;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The benchmark methods as plain calls, outside JMH: one invocation of a workload (its invocation
 * setup, then the measured call) on one contender and store. {@link BenchMain} uses it to count
 * round trips and the tests to check that every contender does the same work.
 */
public final class Workloads {
  private Workloads() {}

  /** The sizes of one run; each is the JMH parameter of the same name. */
  public record Sizes(int targets, int sources, int perSource, int links) {}

  /**
   * A benchmark method: how to build its state, the invocation setup JMH runs before each call (if
   * any) and the measured call.
   */
  public record Case(
      String name,
      Supplier<ContenderState> state,
      Consumer<ContenderState> prepare,
      Function<ContenderState, Object> call) {

    /** Opens the contender on a fresh database of the store and seeds it (JMH's trial setup). */
    public Trial open(String contender, Store store, Sizes sizes) {
      ContenderState s = state.get();
      s.contender = contender;
      s.store = store.param();
      if (s instanceof AddToOneSource a) {
        a.targets = sizes.targets();
      } else if (s instanceof AddSpread a) {
        a.sources = sizes.sources();
        a.perSource = sizes.perSource();
      } else if (s instanceof SetReplace a) {
        a.links = sizes.links();
      } else if (s instanceof GetLinks a) {
        a.sources = sizes.sources();
        a.perSource = sizes.perSource();
      } else if (s instanceof HasCount a) {
        a.sources = sizes.sources();
        a.perSource = sizes.perSource();
      }
      s.openTrial();
      return new Trial(s, this);
    }
  }

  /** An open trial: run invocations, look at the contender, close. */
  public record Trial(ContenderState state, Case workload) implements AutoCloseable {
    /** JMH's invocation setup (not measured). */
    public void prepare() {
      workload.prepare().accept(state);
    }

    /** The measured call; returns its result. */
    public Object call() {
      return workload.call().apply(state);
    }

    /** One invocation as JMH runs it: the setup, then the call. */
    public Object invoke() {
      prepare();
      return call();
    }

    public Contender contender() {
      return state.c;
    }

    @Override
    public void close() {
      state.closeTrial();
    }
  }

  private static final Consumer<ContenderState> NOTHING = s -> {};

  /** Every benchmark method, in the order of the workloads. */
  public static final List<Case> CASES =
      List.of(
          new Case(
              "AddToOneSource.add",
              AddToOneSource::new,
              s -> ((AddToOneSource) s).clear(),
              s -> {
                ((AddToOneSource) s).add();
                return null;
              }),
          new Case(
              "AddSpread.addSpread",
              AddSpread::new,
              s -> ((AddSpread) s).clear(),
              s -> {
                ((AddSpread) s).addSpread();
                return null;
              }),
          new Case(
              "SetReplace.set",
              SetReplace::new,
              s -> ((SetReplace) s).restore(),
              s -> {
                ((SetReplace) s).set();
                return null;
              }),
          new Case("GetLinks.links", GetLinks::new, NOTHING, s -> ((GetLinks) s).links()),
          new Case("HasCount.has", HasCount::new, NOTHING, s -> ((HasCount) s).has()),
          new Case("HasCount.count", HasCount::new, NOTHING, s -> ((HasCount) s).count()));

  /** The benchmark method of that name ({@code GetLinks.links}...). */
  public static Case named(String name) {
    return CASES.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no workload "
                        + name
                        + "; the workloads are "
                        + CASES.stream().map(Case::name).toList()));
  }
}
