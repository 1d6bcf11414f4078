package io.liaison.contract;

import io.liaison.spi.Capability;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a contract test the provider opted out of (with its reason), whose capability is missing,
 * or that needs a {@link FaultInjector} the provider does not offer.
 */
final class ContractCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    Optional<Object> instance = context.getTestInstance();
    if (method.isEmpty()
        || instance.isEmpty()
        || !(instance.get() instanceof ContractGroup group)) {
      return ConditionEvaluationResult.enabled("not a contract test method");
    }
    StoreProvider provider = group.provider();
    String key = method.get().getDeclaringClass().getSimpleName() + "#" + method.get().getName();
    String reason = provider.optOuts().get(key);
    if (reason != null) {
      return ConditionEvaluationResult.disabled("opted out by the adapter: " + reason);
    }
    if (method.get().isAnnotationPresent(RequiresFaults.class) && provider.faults().isEmpty()) {
      return ConditionEvaluationResult.disabled(
          "the provider offers no FaultInjector (StoreProvider.faults())");
    }
    Requires requires = method.get().getAnnotation(Requires.class);
    if (requires != null) {
      List<Capability> missing = new ArrayList<>();
      for (Capability c : requires.value()) {
        if (!provider.capabilities().contains(c)) {
          missing.add(c);
        }
      }
      if (!missing.isEmpty()) {
        return ConditionEvaluationResult.disabled(
            "adapter lacks "
                + missing
                + "; CapabilityContract checks the documented refusal instead");
      }
    }
    return ConditionEvaluationResult.enabled("contract test");
  }
}
