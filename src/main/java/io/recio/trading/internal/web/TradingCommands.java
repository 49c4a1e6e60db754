package io.recio.trading.internal.web;

import io.recio.ops.AdminCommand;
import io.recio.trading.TradingState;
import io.recio.trading.internal.KillSwitch;
import io.recio.trading.internal.Reconciler;
import io.recio.trading.internal.TradingGate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trading's admin console commands: {@code kill-switch [on [REASON]|off]} and {@code reconcile}. */
@Configuration(proxyBeanMethods = false)
class TradingCommands {

    @Bean
    AdminCommand killSwitchCommand(KillSwitch killSwitch, TradingGate gate, AutoTradingPush autoTrading) {
        return new AdminCommand() {
            @Override
            public String name() {
                return "kill-switch";
            }

            @Override
            public String usage() {
                return "kill-switch [on [REASON]|off]";
            }

            @Override
            public String summary() {
                return "shows, engages (no new entries) or releases the kill switch";
            }

            @Override
            public String run(List<String> args, String user) {
                if (!args.isEmpty()) {
                    switch (args.getFirst()) {
                        case "on" -> killSwitch.engage("manual by " + user + (args.size() > 1
                                ? ": " + String.join(" ", args.subList(1, args.size())) : " (admin console)"));
                        case "off" -> {
                            if (args.size() > 1) {
                                throw new IllegalArgumentException("off takes no reason");
                            }
                            killSwitch.release(user);
                        }
                        default -> throw new IllegalArgumentException("say on or off");
                    }
                    autoTrading.refresh();
                }
                TradingState state = gate.state();
                return "kill switch " + killSwitch.engaged().map(r -> "ENGAGED: " + r).orElse("released")
                        + "\ntrading " + state.mode() + (state.holds().isEmpty() ? "" : ": " + state.why());
            }
        };
    }

    @Bean
    AdminCommand reconcileCommand(Reconciler reconciler, TradingGate gate) {
        return new AdminCommand() {
            @Override
            public String name() {
                return "reconcile";
            }

            @Override
            public String usage() {
                return "reconcile";
            }

            @Override
            public String summary() {
                return "reconciles orders, fills, positions and balance with the venue now";
            }

            @Override
            public String run(List<String> args, String user) throws Exception {
                if (!args.isEmpty()) {
                    throw new IllegalArgumentException("it takes no arguments");
                }
                Reconciler.Report report = reconciler.reconcile();
                gate.state();
                return report.mismatches() + " mismatch" + (report.mismatches() == 1 ? "" : "es") + ", "
                        + report.unresolvedOrders() + " order" + (report.unresolvedOrders() == 1 ? "" : "s")
                        + " still unresolved" + (report.findings().isEmpty() ? "" : "\n" + String.join("\n",
                        report.findings()));
            }
        };
    }
}
