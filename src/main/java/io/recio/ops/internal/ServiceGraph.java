package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services and what each needs, checked once at start-up: every name unique, every dependency a
 * known service, no cycle. Gives the start order (a service after the ones it needs) and who depends
 * on whom.
 */
final class ServiceGraph {

    private final List<ManagedService> order;
    private final Map<ServiceName, List<ServiceName>> dependencies;

    private ServiceGraph(List<ManagedService> order, Map<ServiceName, List<ServiceName>> dependencies) {
        this.order = order;
        this.dependencies = dependencies;
    }

    /** Checks the services; throws {@link IllegalStateException} naming every problem found. */
    static ServiceGraph of(Collection<ManagedService> services) {
        Map<ServiceName, ManagedService> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ManagedService s : services) {
            ManagedService other = byName.putIfAbsent(s.name(), s);
            if (other != null) {
                problems.add("two services are named " + s.name() + " (" + other.getClass().getSimpleName() + " and "
                        + s.getClass().getSimpleName() + ")");
            }
        }
        Map<ServiceName, List<ServiceName>> dependencies = new TreeMap<>();
        for (ManagedService s : byName.values()) {
            List<ServiceName> needs = List.copyOf(new LinkedHashSet<>(s.dependencies()));
            for (ServiceName d : needs) {
                if (!byName.containsKey(d)) {
                    problems.add("service " + s.name() + " depends on " + d + ", which does not exist (known: "
                            + String.join(", ", byName.keySet().stream().map(ServiceName::value).toList()) + ")");
                } else if (d.equals(s.name())) {
                    problems.add("service " + s.name() + " depends on itself");
                }
            }
            dependencies.put(s.name(), needs);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("managed services: " + String.join("; ", problems));
        }
        List<ManagedService> order = new ArrayList<>();
        Map<ServiceName, Boolean> done = new LinkedHashMap<>();
        for (ServiceName name : byName.keySet()) {
            visit(name, byName, dependencies, done, new ArrayList<>(), order);
        }
        return new ServiceGraph(List.copyOf(order), dependencies);
    }

    /** Depth first: dependencies are added before the service; a name met again on the current path is a cycle. */
    private static void visit(ServiceName name, Map<ServiceName, ManagedService> byName,
                              Map<ServiceName, List<ServiceName>> dependencies, Map<ServiceName, Boolean> done,
                              List<ServiceName> path, List<ManagedService> order) {
        if (Boolean.TRUE.equals(done.get(name))) {
            return;
        }
        int at = path.indexOf(name);
        if (at >= 0) {
            List<ServiceName> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            throw new IllegalStateException("managed services: dependency cycle "
                    + String.join(" -> ", cycle.stream().map(ServiceName::value).toList()));
        }
        path.add(name);
        for (ServiceName d : dependencies.get(name)) {
            visit(d, byName, dependencies, done, path, order);
        }
        path.removeLast();
        done.put(name, true);
        order.add(byName.get(name));
    }

    /** Every service, each after the ones it needs. */
    List<ManagedService> startOrder() {
        return order;
    }

    List<ServiceName> dependenciesOf(ServiceName name) {
        return dependencies.getOrDefault(name, List.of());
    }

    /** The services that need {@code name}, directly or through others, sorted by name. */
    List<ServiceName> dependentsOf(ServiceName name) {
        Set<ServiceName> found = new TreeSet<>(Comparator.naturalOrder());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<ServiceName, List<ServiceName>> e : dependencies.entrySet()) {
                if (!found.contains(e.getKey())
                        && e.getValue().stream().anyMatch(d -> d.equals(name) || found.contains(d))) {
                    found.add(e.getKey());
                    grew = true;
                }
            }
        }
        return List.copyOf(found);
    }
}
