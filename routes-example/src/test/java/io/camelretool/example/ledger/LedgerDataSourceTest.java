package io.camelretool.example.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerDataSourceTest {

    @Test
    void refusesAUrlOfAnotherDatabaseNamingTheSettingButNotTheCredentialsInIt() {
        assertThatThrownBy(() -> LedgerDataSource.forUrl("jdbc:mysql://admin:hunter2@db/signups", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEDGER_JDBC_URL must start with jdbc:h2: or jdbc:postgresql:")
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> LedgerDataSource.forUrl("  ", "", ""))
                .hasMessageContaining("LEDGER_JDBC_URL is empty");
    }

    @Test
    void acceptsPostgresqlWithoutConnectingYet() {
        assertThat(LedgerDataSource.forUrl("jdbc:postgresql://127.0.0.1:1/none", "app", "pw")).isNotNull();
    }
}
