package io.camelretool.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import io.camelretool.component.classify.Classification;
import io.camelretool.component.classify.EmailNormalizer;
import io.camelretool.component.classify.NormalizedEmail;
import io.camelretool.component.classify.SignupClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SignupClassifier#classify} over a mix of addresses that takes every rule (external, organisation domain and
 * subdomain, approved, blocked, disposable, with and without a role), against the baseline of only normalising the
 * same addresses, which any handling of an email does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignupClassifierBenchmark {

    private static final String[] EMAILS = {
        "Ada.Lovelace@Example.com", "grace@eng.acme.com", "linus@acme.com", "partner@agency.example",
        "spam@competitor.example", "throwaway@mailinator.com", "mary@example.org", "  alan@sub.example.net ",
    };
    private static final String[] ROLES = { null, "editor", "viewer", "" };

    private final SignupClassifier classifier = SignupClassifier.builder().organizationDomains("acme.com")
            .approvedEmails("partner@agency.example").blockedDomains("competitor.example").build();
    private int next;

    @Benchmark
    public Classification classify() {
        int i = next++;
        return classifier.classify(EMAILS[i & 7], ROLES[i & 3]);
    }

    @Benchmark
    public NormalizedEmail normalizeOnly() {
        return EmailNormalizer.normalize(EMAILS[next++ & 7]);
    }
}
