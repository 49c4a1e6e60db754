package io.recio;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link SetupNeededException} into its message and action instead of pages of bean-creation errors. */
class SetupNeededFailureAnalyzer extends AbstractFailureAnalyzer<SetupNeededException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SetupNeededException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
