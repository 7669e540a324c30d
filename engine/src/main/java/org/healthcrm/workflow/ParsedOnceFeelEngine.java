package org.healthcrm.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL engine for DMN tables, parsing each expression once. Camunda's own evaluates a decision table's
 * input expressions, input entries and output entries from their text each time, parsing them again on every
 * evaluation (in the intake benchmark, FEEL took 1.4% of the JVM's samples, most of the red-flag decision's 2.3%). Here the parsed form
 * of each text is kept (texts come from deployed models, so there are few of them; at most {@value #MAX_KEPT} per
 * kind are kept, then they are parsed afresh) and evaluated the way Camunda's engine evaluates it, with the same
 * variables and the same errors ({@code FeelException}).
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    static final int MAX_KEPT = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider provider = new ContextVariableWrapper(variables);
        return (T) value(feelEngine.eval(parsed, context(provider)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        // the input entry's "?" and its implicit comparison find the input's value through this name
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        VariableProvider provider = new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        Object result = value(feelEngine.eval(parsed, context(provider)));
        return BoxesRunTime.unboxToBoolean(result);
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String text,
                                           Function<String, Either<org.camunda.feel.FeelEngine.Failure,
                                                   ParsedExpression>> parse) {
        ParsedExpression parsed = kept.get(text);
        if (parsed == null) {
            parsed = value(parse.apply(text));
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(text, parsed);
        }
        return parsed;
    }

    private static <T> T value(Either<org.camunda.feel.FeelEngine.Failure, T> result) {
        if (result instanceof Right<org.camunda.feel.FeelEngine.Failure, T> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Left<org.camunda.feel.FeelEngine.Failure, T>) result).value().message());
    }

    private static CustomContext context(VariableProvider provider) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return provider;
            }
        };
    }

    /** Makes the engine; custom FEEL functions are those of the DMN engine's configuration at that moment. */
    static final class Factory implements FeelEngineFactory {

        private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

        Factory(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
            this.functionProviders = functionProviders;
        }

        @Override
        public FeelEngine createInstance() {
            return new ParsedOnceFeelEngine(functionProviders.get());
        }
    }
}
