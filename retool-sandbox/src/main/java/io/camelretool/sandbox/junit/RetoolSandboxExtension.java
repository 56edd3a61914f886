package io.camelretool.sandbox.junit;

import io.camelretool.sandbox.ClaimedInvites;
import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxPlan;
import io.camelretool.sandbox.tls.SandboxTls;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link RetoolSandbox} for JUnit 5 tests: started once per test class, {@link RetoolSandbox#reset() reset}
 * before each test, closed after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static RetoolSandboxExtension retool = RetoolSandboxExtension.business();
 *
 * @Test
 * void invites() {
 *     // ... call retool.baseUrl() with retool.apiKey() ...
 *     assertThat(retool.sandbox().invites()).hasSize(1);
 * }
 * }</pre>
 *
 * Or {@code @ExtendWith(RetoolSandboxExtension.class)} with a {@code RetoolSandbox} test or lifecycle method
 * parameter (a Business-plan sandbox with the default key). Registered on a non-static field, the sandbox lives
 * for one test instead of one class.
 */
public final class RetoolSandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Consumer<RetoolSandbox.Builder> configuration;
    private volatile RetoolSandbox sandbox;
    private int classDepth;

    /** For {@code @ExtendWith}: a Business-plan sandbox with the default key. */
    public RetoolSandboxExtension() {
        this(builder -> builder.plan(SandboxPlan.BUSINESS));
    }

    private RetoolSandboxExtension(Consumer<RetoolSandbox.Builder> configuration) {
        this.configuration = configuration;
    }

    public static RetoolSandboxExtension business() {
        return new RetoolSandboxExtension();
    }

    public static RetoolSandboxExtension enterprise() {
        return new RetoolSandboxExtension(builder -> builder.plan(SandboxPlan.ENTERPRISE));
    }

    /**
     * A Business-plan sandbox in which a claimed invite vanishes from the invite calls ({@link ClaimedInvites#VANISH}),
     * for proving a client correct whichever way Retool lists claimed invites.
     */
    public static RetoolSandboxExtension businessWithVanishingClaims() {
        return new RetoolSandboxExtension(builder -> builder.plan(SandboxPlan.BUSINESS)
                .claimedInvites(ClaimedInvites.VANISH));
    }

    /** A Business-plan sandbox serving https with a private CA; {@link #tls()} has the trust store clients need. */
    public static RetoolSandboxExtension businessOverTls() {
        return new RetoolSandboxExtension(builder -> builder.plan(SandboxPlan.BUSINESS).tls());
    }

    /** A sandbox configured by the given code, e.g. {@code with(b -> b.apiKey("k", "users:read"))}. */
    public static RetoolSandboxExtension with(Consumer<RetoolSandbox.Builder> configuration) {
        return new RetoolSandboxExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * The running sandbox.
     *
     * @throws IllegalStateException outside a test's lifecycle, when no sandbox runs
     */
    public RetoolSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the Retool sandbox runs only while a test class using it runs");
        }
        return sandbox;
    }

    public String baseUrl() {
        return sandbox().baseUrl();
    }

    public String apiKey() {
        return sandbox().apiKey();
    }

    /**
     * The trust material of a sandbox serving https.
     *
     * @throws IllegalStateException when the sandbox serves plain http
     */
    public SandboxTls tls() {
        return sandbox().tls();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // nested test classes see the same extension again; the outermost class owns the sandbox
        classDepth++;
        startIfNeeded();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        classDepth--;
        if (classDepth == 0) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded();
        sandbox.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classDepth == 0) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RetoolSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        startIfNeeded();
        return sandbox;
    }

    private synchronized void startIfNeeded() {
        if (sandbox == null) {
            RetoolSandbox.Builder builder = RetoolSandbox.builder();
            configuration.accept(builder);
            sandbox = builder.start();
        }
    }

    private synchronized void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
