package io.recio.kalshi.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.RecioCli;
import io.recio.SetupNeededException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A newcomer's {@code ./recio run --recio.mode=paper} without a key: what to do in a few lines, no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class PaperModeWithoutKeyTest {

    @Test
    void startUpStopsSayingWhatToRunOrSet(CapturedOutput output) {
        assertThatThrownBy(() -> RecioCli.start(List.of("--spring.profiles.active=test", "--recio.mode=paper",
                "--spring.main.web-application-type=none")))
                .rootCause().isInstanceOf(SetupNeededException.class);
        assertThat(output.getAll()).contains("paper mode needs a Kalshi API key", "./recio credentials set",
                "recio.kalshi.key-id").doesNotContain("\tat org.springframework");
    }
}
