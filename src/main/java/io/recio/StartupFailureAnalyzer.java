package io.recio;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken port into one clear start-up message instead of a stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<PortCheck.PortTakenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortCheck.PortTakenException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop that process, or give recio another port: recio.ports."
                        + cause.portName().replace('_', '-') + "=<port> (environment RECIO_PORTS_"
                        + cause.portName().toUpperCase() + ").",
                cause);
    }
}
