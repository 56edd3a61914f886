package io.camelretool.component.classify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Labels a signup for Retool seats. The rules, in order:
 * <ol>
 * <li>an email that cannot be normalised is {@code REJECTED};</li>
 * <li>an exactly approved address is internal, whatever its domain;</li>
 * <li>a blocked or disposable-mail domain, or a subdomain of one, is {@code REJECTED};</li>
 * <li>an organisation domain, or a subdomain of one, is internal (a look-alike such as {@code acme.com.evil.org}
 * or {@code notacme.com} is not);</li>
 * <li>everything else is {@code EXTERNAL}, a paid external seat.</li>
 * </ol>
 * Internal signups are {@code STANDARD_USER} when the requested role (trimmed, any case) is one of the standard
 * roles, else {@code END_USER}. Immutable and thread-safe.
 */
public final class SignupClassifier {

    public static final List<String> DEFAULT_STANDARD_ROLES = List.of("editor", "admin", "builder");

    private final Set<String> organizationDomains;
    private final Set<String> approvedEmails;
    private final Set<String> blockedDomains;
    private final Set<String> standardRoles;
    private final boolean bundledDisposableDomains;

    private SignupClassifier(Builder builder) {
        this.organizationDomains = Set.copyOf(builder.organizationDomains);
        this.approvedEmails = Set.copyOf(builder.approvedEmails);
        this.blockedDomains = Set.copyOf(builder.blockedDomains);
        this.standardRoles = Set.copyOf(builder.standardRoles);
        this.bundledDisposableDomains = builder.bundledDisposableDomains;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Classification classify(String email, String requestedRole) {
        NormalizedEmail normalized;
        try {
            normalized = EmailNormalizer.normalize(email);
        } catch (EmailNormalizer.InvalidEmailException malformed) {
            return new Classification(UserClass.REJECTED, "malformed email: " + malformed.getMessage(), null);
        }
        String domain = normalized.domain();
        if (approvedEmails.contains(normalized.key())) {
            return internal(normalized, requestedRole, "the address is on the approved list");
        }
        String blocked = matching(domain, blockedDomains);
        if (blocked != null) {
            return new Classification(UserClass.REJECTED, "domain " + blocked + " is blocked", normalized.address());
        }
        if (bundledDisposableDomains && DisposableDomains.contains(domain)) {
            return new Classification(UserClass.REJECTED, "disposable-mail domain " + DisposableDomains.match(domain),
                    normalized.address());
        }
        String organization = matching(domain, organizationDomains);
        if (organization != null) {
            return internal(normalized, requestedRole, domain.equals(organization)
                    ? "domain " + organization + " is an organisation domain"
                    : "domain " + domain + " is a subdomain of the organisation domain " + organization);
        }
        return new Classification(UserClass.EXTERNAL, "domain " + domain + " is outside the organisation",
                normalized.address());
    }

    private Classification internal(NormalizedEmail email, String requestedRole, String why) {
        String role = requestedRole == null ? "" : requestedRole.strip().toLowerCase(Locale.ROOT);
        if (standardRoles.contains(role)) {
            return new Classification(UserClass.STANDARD_USER, why + "; role " + role + " builds apps", email.address());
        }
        return new Classification(UserClass.END_USER,
                why + (role.isEmpty() ? "; no role requested" : "; role " + role + " uses apps"), email.address());
    }

    /** The entry of {@code domains} that {@code domain} equals or is a subdomain of, or null. */
    static String matching(String domain, Set<String> domains) {
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            if (domains.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }

    /** Collects the classifier's lists; domains are normalised like email domains (lower case, ASCII). */
    public static final class Builder {
        private final Set<String> organizationDomains = new LinkedHashSet<>();
        private final Set<String> approvedEmails = new LinkedHashSet<>();
        private final Set<String> blockedDomains = new LinkedHashSet<>();
        private final Set<String> standardRoles = new LinkedHashSet<>(DEFAULT_STANDARD_ROLES);
        private boolean bundledDisposableDomains = true;

        public Builder organizationDomains(String... domains) {
            return organizationDomains(List.of(domains));
        }

        public Builder organizationDomains(Collection<String> domains) {
            domains.forEach(domain -> organizationDomains.add(domain(domain, "organisation domain")));
            return this;
        }

        public Builder approvedEmails(String... emails) {
            return approvedEmails(List.of(emails));
        }

        public Builder approvedEmails(Collection<String> emails) {
            emails.forEach(email -> approvedEmails.add(EmailNormalizer.normalize(email).key()));
            return this;
        }

        public Builder blockedDomains(String... domains) {
            return blockedDomains(List.of(domains));
        }

        public Builder blockedDomains(Collection<String> domains) {
            domains.forEach(domain -> blockedDomains.add(domain(domain, "blocked domain")));
            return this;
        }

        /** Replaces the roles that make an internal signup a STANDARD_USER (default editor, admin, builder). */
        public Builder standardUserRoles(String... roles) {
            standardRoles.clear();
            for (String role : roles) {
                standardRoles.add(role.strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public Builder includeBundledDisposableDomains(boolean include) {
            this.bundledDisposableDomains = include;
            return this;
        }

        public SignupClassifier build() {
            return new SignupClassifier(this);
        }

        private static String domain(String value, String what) {
            String trimmed = value == null ? "" : value.strip();
            if (trimmed.startsWith("@")) {
                trimmed = trimmed.substring(1);
            }
            try {
                return EmailNormalizer.normalize("x@" + trimmed).domain();
            } catch (EmailNormalizer.InvalidEmailException e) {
                throw new IllegalArgumentException(what + " '" + value + "' is not a domain name");
            }
        }
    }
}
