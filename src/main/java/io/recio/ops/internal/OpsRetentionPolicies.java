package io.recio.ops.internal;

import io.recio.ops.RetentionPolicy;
import java.sql.Timestamp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ops' own retention: the health samples and the completed event publications. */
@Configuration(proxyBeanMethods = false)
class OpsRetentionPolicies {

    /** {@code system.health_status}: a sample every 15 s, kept {@code recio.ops.monitor.retention}. */
    @Bean
    RetentionPolicy healthSampleRetention(HealthStore store, OpsProperties properties) {
        return RetentionPolicy.of("system.health_status", properties.monitor().retention(), store::deleteBefore);
    }

    /**
     * Spring Modulith's {@code event_publication}: a completed publication is only a record that a listener ran,
     * kept {@code recio.ops.retention.event-publications}; incomplete ones stay until they are completed.
     */
    @Bean
    RetentionPolicy eventPublicationRetention(JdbcClient jdbc, OpsProperties properties) {
        return RetentionPolicy.of("event_publication", properties.retention().eventPublications(), cutoff -> jdbc.sql(
                        "DELETE FROM event_publication WHERE completion_date IS NOT NULL AND completion_date < ?")
                .param(Timestamp.from(cutoff)).update());
    }
}
