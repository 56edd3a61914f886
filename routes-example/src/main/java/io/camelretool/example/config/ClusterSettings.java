package io.camelretool.example.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.camelretool.example.config.SettingValues.list;
import static io.camelretool.example.config.SettingValues.nonNegative;
import static io.camelretool.example.config.SettingValues.orDefault;

/**
 * How several nodes sharing one PostgreSQL ledger divide the intakes. The webhook, the pipeline and the reports run
 * on every node (the ledger keeps them from doing anything twice); an intake listed as a singleton is read by one
 * node at a time, the leader chosen by Camel's file-lock cluster service in a folder every node can reach, and taken
 * over by another node when the leader stops.
 *
 * @param lockDir    the folder the nodes elect their leader in; empty for a single node (no election)
 * @param nodeId     this node's name in the election; empty for a generated one
 * @param singletons the intakes only the leader reads: {@code folder}, {@code mail}
 * @param lockInterval how often a node tries to become leader, and how often the leader proves it is alive
 */
public record ClusterSettings(String lockDir, String nodeId, Set<String> singletons, Duration lockInterval) {

    public static final String FOLDER = "folder";
    public static final String MAIL = "mail";

    static ClusterSettings read(UnaryOperator<String> property) {
        Set<String> singletons = list(orDefault(property.apply("cluster.singleton-intakes"), FOLDER + "," + MAIL))
                .stream().map(intake -> intake.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        for (String intake : singletons) {
            if (!intake.equals(FOLDER) && !intake.equals(MAIL)) {
                throw new IllegalArgumentException("CLUSTER_SINGLETON_INTAKES: '" + intake
                                                   + "' is not an intake; use folder, mail or both");
            }
        }
        long interval = nonNegative(orDefault(property.apply("cluster.lock-interval"), "5000"),
                "CLUSTER_LOCK_INTERVAL_MS");
        if (interval == 0) {
            throw new IllegalArgumentException("CLUSTER_LOCK_INTERVAL_MS: must be more than 0");
        }
        return new ClusterSettings(property.apply("cluster.lock-dir").strip(), property.apply("cluster.node-id").strip(),
                singletons, Duration.ofMillis(interval));
    }

    public boolean enabled() {
        return !lockDir.isEmpty();
    }

    /**
     * The endpoint an intake reads: wrapped in {@code master:} when this node must share it with others, so that
     * only the leader's consumer runs.
     */
    public String intakeUri(String intake, String endpointUri) {
        return enabled() && singletons.contains(intake) ? "master:signups-" + intake + ":" + endpointUri
                : endpointUri;
    }
}
