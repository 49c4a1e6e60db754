package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {

    /** A service that only has a name and dependencies. */
    record Node(ServiceName name, List<ServiceName> dependencies) implements ManagedService {

        static Node of(String name, String... needs) {
            return new Node(new ServiceName(name), Arrays.stream(needs).map(ServiceName::new).toList());
        }

        @Override
        public void start(ServiceContext context) {
        }

        @Override
        public void stop() {
        }
    }

    private static List<String> names(List<ManagedService> services) {
        return services.stream().map(s -> s.name().value()).toList();
    }

    @Test
    void everyServiceStartsAfterTheOnesItNeeds() {
        ServiceGraph graph = ServiceGraph.of(List.of(Node.of("auto_entry", "pricing", "executor"),
                Node.of("executor", "watchdog"), Node.of("pricing", "feed", "watchdog"), Node.of("watchdog"),
                Node.of("feed")));

        List<String> order = names(graph.startOrder());

        assertThat(order).containsExactlyInAnyOrder("auto_entry", "executor", "pricing", "watchdog", "feed");
        assertThat(order.indexOf("watchdog")).isLessThan(order.indexOf("executor"));
        assertThat(order.indexOf("feed")).isLessThan(order.indexOf("pricing"));
        assertThat(order.indexOf("pricing")).isLessThan(order.indexOf("auto_entry"));
        assertThat(order.indexOf("executor")).isLessThan(order.indexOf("auto_entry"));
    }

    @Test
    void dependentsAreFoundThroughOtherServices() {
        ServiceGraph graph = ServiceGraph.of(List.of(Node.of("auto_entry", "pricing"), Node.of("pricing", "feed"),
                Node.of("feed"), Node.of("monitor")));

        assertThat(graph.dependentsOf(new ServiceName("feed"))).extracting(ServiceName::value)
                .containsExactly("auto_entry", "pricing");
        assertThat(graph.dependentsOf(new ServiceName("monitor"))).isEmpty();
    }

    @Test
    void anUnknownDependencyIsRefusedNamingBothServices() {
        assertThatThrownBy(() -> ServiceGraph.of(List.of(Node.of("pricing", "fed"), Node.of("feed"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("service pricing depends on fed, which does not exist (known: feed, pricing)");
    }

    @Test
    void aCycleIsRefusedShowingIt() {
        assertThatThrownBy(() -> ServiceGraph.of(List.of(Node.of("a", "b"), Node.of("b", "c"), Node.of("c", "a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dependency cycle a -> b -> c -> a");
    }

    @Test
    void twoServicesOfOneNameAreRefused() {
        assertThatThrownBy(() -> ServiceGraph.of(List.of(Node.of("feed"), Node.of("feed"))))
                .hasMessageContaining("two services are named feed");
    }

    @Test
    void aServiceNameIsLowerCaseSnakeCase() {
        assertThatThrownBy(() -> new ServiceName("Kalshi Watchdog")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters, digits and underscores");
    }
}
