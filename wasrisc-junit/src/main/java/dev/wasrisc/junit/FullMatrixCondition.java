package dev.wasrisc.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link FullMatrix}. */
final class FullMatrixCondition implements ExecutionCondition {

    static final String PARAMETER = "wasrisc.matrix";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // JUnit's configuration parameters also see -D system properties, so one lookup covers all three ways.
        String value = context.getConfigurationParameter(PARAMETER).orElse("default");
        return value.equals("full")
                ? ConditionEvaluationResult.enabled(PARAMETER + "=full")
                : ConditionEvaluationResult.disabled("part of the full matrix: run with -D" + PARAMETER + "=full");
    }
}
