package io.camelretool.sandbox.junit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionLifecycleTest {

    @Test
    void explainsThatNoSandboxRunsOutsideATestClassUsingIt() {
        RetoolSandboxExtension unused = RetoolSandboxExtension.business();

        assertThatThrownBy(unused::sandbox)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only while a test class using it runs");
    }
}
