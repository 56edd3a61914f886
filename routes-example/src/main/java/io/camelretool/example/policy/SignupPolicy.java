package io.camelretool.example.policy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelretool.component.classify.Classification;
import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.component.classify.UserClass;
import io.camelretool.example.signup.Signup;

/**
 * What the application does with a signup: the component's classifier labels it, a rejected one is not invited,
 * and the others join the Retool groups configured for their class on top of the groups they asked for.
 */
public final class SignupPolicy {

    /** The class of a signup, why, and the groups its invite joins. */
    public record Decision(Classification classification, List<Integer> groupIds) {

        public boolean invite() {
            return classification.userClass() != UserClass.REJECTED;
        }
    }

    private final SignupClassifier classifier;
    private final Map<UserClass, List<Integer>> groupsByClass;

    public SignupPolicy(SignupClassifier classifier, Map<UserClass, List<Integer>> groupsByClass) {
        this.classifier = classifier;
        this.groupsByClass = new EnumMap<>(UserClass.class);
        this.groupsByClass.putAll(groupsByClass);
    }

    /** From the comma-separated settings the application reads from its properties. */
    public static SignupPolicy fromSettings(String orgDomains, String approvedEmails, String blockedDomains,
                                            String externalGroups, String endUserGroups, String standardUserGroups) {
        SignupClassifier classifier = SignupClassifier.builder()
                .organizationDomains(list(orgDomains))
                .approvedEmails(list(approvedEmails))
                .blockedDomains(list(blockedDomains))
                .build();
        Map<UserClass, List<Integer>> groups = new EnumMap<>(UserClass.class);
        groups.put(UserClass.EXTERNAL, ids(externalGroups, "RETOOL_GROUPS_EXTERNAL"));
        groups.put(UserClass.END_USER, ids(endUserGroups, "RETOOL_GROUPS_END_USER"));
        groups.put(UserClass.STANDARD_USER, ids(standardUserGroups, "RETOOL_GROUPS_STANDARD_USER"));
        return new SignupPolicy(classifier, groups);
    }

    public Decision decide(Signup signup) {
        Classification classification = classifier.classify(signup.email(), signup.role());
        Set<Integer> groups = new LinkedHashSet<>(signup.groups());
        groups.addAll(groupsByClass.getOrDefault(classification.userClass(), List.of()));
        return new Decision(classification, List.copyOf(groups));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static List<Integer> ids(String commaSeparated, String setting) {
        return list(commaSeparated).stream().map(id -> {
            try {
                return Integer.valueOf(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": '" + id + "' is not a Retool group id (an integer)");
            }
        }).toList();
    }
}
