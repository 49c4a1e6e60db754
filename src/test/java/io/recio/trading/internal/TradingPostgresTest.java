package io.recio.trading.internal;

import io.recio.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The trading database cases on the real PostgreSQL. */
class TradingPostgresTest extends TradingDatabaseTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }
}
