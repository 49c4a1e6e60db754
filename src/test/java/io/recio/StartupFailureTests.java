package io.recio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bad setting or a taken port stops recio at start-up with one clear message and a non-zero exit. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

    private static final List<String> TEST_ARGS = List.of("--spring.profiles.active=test",
            "--recio.services.autostart=false");

    private static int start(String... extra) {
        List<String> args = new java.util.ArrayList<>(TEST_ARGS);
        args.addAll(List.of(extra));
        return RecioCli.serve(args);
    }

    @Test
    void aPortOutOfRangeNamesTheKeyTheValueAndWhatIsAllowed(CapturedOutput output) {
        int exit = start("--recio.ports.main-app=70000");
        assertThat(exit).isNotZero();
        assertThat(output.getAll())
                .contains("recio.ports.main-app = '70000' is not allowed: must be less than or equal to 65535");
    }

    @Test
    void anUnknownModeListsTheModesAllowed(CapturedOutput output) {
        int exit = start("--recio.mode=yolo");
        assertThat(exit).isNotZero();
        assertThat(output.getAll())
                .contains("recio.mode = 'yolo' is not allowed: expected one of demo, paper, live");
    }

    @Test
    void twoBadValuesGetOneMessageEach(CapturedOutput output) {
        int exit = start("--recio.ports.main-app=-1", "--recio.bind-address=");
        assertThat(exit).isNotZero();
        assertThat(output.getAll())
                .contains("2 problems")
                .contains("recio.ports.main-app = '-1' is not allowed")
                .contains("recio.bind-address = '' is not allowed: must not be blank");
    }

    @Test
    void settingsOnTheRunCommandLineReachTheConfiguration(CapturedOutput output) {
        int exit = RecioCli.execute("run", "--spring.profiles.active=test", "--recio.services.autostart=false",
                "--recio.ports.main-app=70000");
        assertThat(exit).isNotZero();
        assertThat(output.getAll()).contains("recio.ports.main-app = '70000' is not allowed");
    }

    @Test
    void anArgumentThatIsNotASettingIsRefusedByName(CapturedOutput output) {
        int exit = RecioCli.execute("run", "--spring.profiles.active=test", "verbose");
        assertThat(exit).isEqualTo(2);
        assertThat(output.getAll()).contains("unknown argument 'verbose'");
    }

    @Test
    void aTakenPortNamesThePortAndTheProcessHoldingIt(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int exit = start("--recio.check-ports=true", "--recio.ports.main-app=" + taken.getLocalPort());
            assertThat(exit).isNotZero();
            assertThat(output.getAll())
                    .contains("Port " + taken.getLocalPort() + " (main_app) on 127.0.0.1 is already in use")
                    .contains("pid " + ProcessHandle.current().pid());
        }
    }
}
