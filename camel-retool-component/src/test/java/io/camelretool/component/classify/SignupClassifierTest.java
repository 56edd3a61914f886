package io.camelretool.component.classify;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.camelretool.component.RetoolConstants;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignupClassifierTest {

    private static final SignupClassifier CLASSIFIER = SignupClassifier.builder()
            .organizationDomains("acme.com", "@ACME.io")
            .approvedEmails("partner@external.org")
            .blockedDomains("competitor.com")
            .build();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = SignupClassifierTest.class.getResourceAsStream("classification-cases.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isEmpty())
                    .map(line -> line.split("\\|", -1))
                    .map(cells -> Arguments.of(unescape(cells[0]), cells[1].isEmpty() ? null : cells[1],
                            UserClass.valueOf(cells[2]), cells[3], cells[4].isEmpty() ? null : cells[4]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "[{index}] {0} ({1}) is {2}")
    @MethodSource("cases")
    void classifiesTrickyCasesAsTheTableSays(String email, String role, UserClass expected, String reason,
                                             String normalized) {
        Classification result = CLASSIFIER.classify(email, role);

        assertThat(result.userClass()).isEqualTo(expected);
        assertThat(result.reason()).contains(reason);
        assertThat(result.normalizedEmail()).isEqualTo(normalized);
    }

    @Test
    void theTableHoldsAtLeastFiftyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aNullEmailIsRejectedNotAnError() {
        assertThat(CLASSIFIER.classify(null, "editor").userClass()).isEqualTo(UserClass.REJECTED);
    }

    @Test
    void standardRolesAndTheBundledListAreConfigurable() {
        SignupClassifier custom = SignupClassifier.builder().organizationDomains("acme.com")
                .standardUserRoles("Developer").includeBundledDisposableDomains(false).build();

        assertThat(custom.classify("a@acme.com", "developer").userClass()).isEqualTo(UserClass.STANDARD_USER);
        assertThat(custom.classify("a@acme.com", "editor").userClass()).isEqualTo(UserClass.END_USER);
        assertThat(custom.classify("a@mailinator.com", null).userClass()).isEqualTo(UserClass.EXTERNAL);
    }

    @Test
    void refusesAConfiguredDomainThatIsNotADomain() {
        assertThatThrownBy(() -> SignupClassifier.builder().organizationDomains("not a domain"))
                .hasMessageContaining("organisation domain 'not a domain'");
        assertThatThrownBy(() -> SignupClassifier.builder().approvedEmails("nobody"))
                .hasMessageContaining("no @");
    }

    @Test
    void worksAsAProcessorOnTheHeaderTheBodyOrAMap() throws Exception {
        SignupClassifierProcessor processor = new SignupClassifierProcessor(CLASSIFIER);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange fromBody = new DefaultExchange(context);
            fromBody.getMessage().setBody("grace@example.com");
            processor.process(fromBody);
            assertThat(fromBody.getMessage().getHeader(RetoolConstants.USER_CLASS)).isEqualTo(UserClass.EXTERNAL);
            assertThat(fromBody.getMessage().getBody()).isEqualTo("grace@example.com");

            Exchange fromMap = new DefaultExchange(context);
            fromMap.getMessage().setBody(Map.of("email", "ada@acme.com", "role", "admin"));
            processor.process(fromMap);
            assertThat(fromMap.getMessage().getHeader(RetoolConstants.USER_CLASS))
                    .isEqualTo(UserClass.STANDARD_USER);

            Exchange fromHeaders = new DefaultExchange(context);
            fromHeaders.getMessage().setHeader(RetoolConstants.EMAIL, "x@mailinator.com");
            processor.process(fromHeaders);
            assertThat(fromHeaders.getMessage().getHeader(RetoolConstants.USER_CLASS)).isEqualTo(UserClass.REJECTED);
            assertThat(fromHeaders.getMessage().getHeader(RetoolConstants.CLASS_REASON, String.class))
                    .contains("disposable");
        }
    }

    @Test
    void projectsTheMonthlyCostOfABatchFromThePriceTable() {
        List<Classification> batch = Stream.of("a@example.com", "b@example.org", "c@acme.com", "x@mailinator.com")
                .map(email -> CLASSIFIER.classify(email, null)).toList();
        List<Classification> withEditor = Stream.concat(batch.stream(),
                Stream.of(CLASSIFIER.classify("d@acme.com", "editor"))).toList();

        SeatPriceTable.CostProjection defaults = SeatPriceTable.businessPlanDefaults().project(withEditor);
        assertThat(defaults.counts()).containsEntry(UserClass.EXTERNAL, 2).containsEntry(UserClass.REJECTED, 1);
        assertThat(defaults.monthlyTotal()).isEqualByComparingTo("85.00");
        assertThat(defaults.currency()).isEqualTo("USD");

        SeatPriceTable.CostProjection negotiated = SeatPriceTable.businessPlanDefaults()
                .withPrice(UserClass.EXTERNAL, new BigDecimal("7.50")).withPrice(UserClass.END_USER, BigDecimal.ZERO)
                .project(batch);
        assertThat(negotiated.monthlyCostByClass()).containsEntry(UserClass.EXTERNAL, new BigDecimal("15.00"));
        assertThat(negotiated.monthlyTotal()).isEqualByComparingTo("15.00");
        assertThatThrownBy(() -> SeatPriceTable.businessPlanDefaults().withPrice(UserClass.REJECTED, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String unescape(String cell) {
        Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(cell);
        return escape.replaceAll(match -> String.valueOf((char) Integer.parseInt(match.group(1), 16)));
    }
}
