package dev.reelforge.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.sqs.SqsCallbackQueue;
import dev.reelforge.core.callback.RetryDueCallbacks;
import dev.reelforge.core.callback.RetryDueCallbacksCommand;
import dev.reelforge.core.callback.RetryDueCallbacksResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;

/** On a schedule: puts callbacks whose next attempt is due back on the queue (see {@link RetryDueCallbacks}). */
public final class RetryCallbacksFunction implements RequestHandler<ScheduledEvent, String> {

    /** Deliveries re-queued per run; more wait for the next minute. */
    static final int BATCH = 500;

    private final RetryDueCallbacks retryDueCallbacks;

    public RetryCallbacksFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RetryCallbacksFunction(FunctionEnvironment environment) {
        this(new RetryDueCallbacks(DynamoDbTables.of(environment).deliveries(), SqsCallbackQueue.of(environment), environment.clock()));
    }

    public RetryCallbacksFunction(RetryDueCallbacks retryDueCallbacks) {
        this.retryDueCallbacks = retryDueCallbacks;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        RetryDueCallbacksResult result = retryDueCallbacks.sweep(new RetryDueCallbacksCommand(BATCH));
        StructuredLog log = StructuredLog.of(context);
        result.enqueued().forEach(id -> log.event("callback.requeued").delivery(id).outcome("queued").info());
        return "queued " + result.enqueued().size() + " due callback(s)";
    }
}
