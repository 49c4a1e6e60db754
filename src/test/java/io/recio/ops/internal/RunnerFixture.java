package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;

/** A service runner over stand-in services, without Spring or a database: transitions are kept in a list. */
final class RunnerFixture {

    /** Every recorded transition, e.g. "feed RUNNING". */
    final List<String> recorded = new CopyOnWriteArrayList<>();
    final ServiceRunner runner;

    RunnerFixture(Clock clock, boolean autostart, ApplicationEventPublisher events, ManagedService... services) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (ManagedService s : services) {
            beans.registerSingleton(s.name().value(), s);
        }
        ServiceEventLog log = new ServiceEventLog(null) {
            @Override
            void record(ServiceName service, ServiceState state, String detail, Instant at) {
                recorded.add(service + " " + state);
            }
        };
        runner = new ServiceRunner(beans.getBeanProvider(ManagedService.class), log, events, clock, autostart);
        runner.afterSingletonsInstantiated();
    }
}
