package io.camelretool.example.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelretool.component.RetoolConstants;
import io.camelretool.example.ledger.AttributeSync;
import io.camelretool.example.ledger.ItemOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the attributes of a later signup to the person's pending invite or user through {@code retool:attributes}
 * by email (the component resolves where the email stands), and settles the signup's batch line: UPDATED with what
 * changed, or DUPLICATE when nothing did (or the update failed, with the reason). A change of groups cannot be made:
 * Retool's API sets no groups on a sent invite, nor (on Business) on an existing user; the line says so.
 */
public final class AttributeSyncer {

    private static final Logger LOG = LoggerFactory.getLogger(AttributeSyncer.class);
    private static final int PER_ROUND = 100;

    private final AttributeSync sync;
    private final boolean dryRun;
    private final ProducerTemplate retool;

    /**
     * @param dryRun say what would be updated, without the write calls
     * @param retool the template the updates go through ({@code retool:attributes})
     */
    public AttributeSyncer(AttributeSync sync, boolean dryRun, ProducerTemplate retool) {
        this.sync = sync;
        this.dryRun = dryRun;
        this.retool = retool;
    }

    /** One round, the attribute route's step (bean {@code attributeSyncer}); @return how many lines were settled */
    public int syncDue() {
        List<AttributeSync.Pending> due = sync.due(PER_ROUND);
        for (AttributeSync.Pending pending : due) {
            syncOne(pending);
        }
        return due.size();
    }

    private void syncOne(AttributeSync.Pending pending) {
        Map<String, String> changes = AttributeSync.changes(pending.applied(), pending.signup().attributes());
        String groups = AttributeSync.groupsNotApplied(pending.status(), pending.appliedGroups(),
                pending.signup().groups());
        if (changes.isEmpty()) {
            sync.finish(pending, ItemOutcome.DUPLICATE, "already " + pending.status() + "; attributes unchanged"
                                                        + groups, null);
            return;
        }
        if (dryRun) {
            sync.finish(pending, ItemOutcome.DUPLICATE, "already " + pending.status() + "; dry run: attributes "
                                                        + describe(pending, changes) + " would be updated" + groups,
                    null);
            return;
        }
        Exchange answer = retool.request("retool:attributes", exchange -> {
            exchange.getMessage().setHeader(RetoolConstants.EMAIL, pending.emailKey());
            exchange.getMessage().setBody(new LinkedHashMap<String, Object>(changes));
        });
        if (answer.getException() != null) {
            LOG.warn("{}: the attributes of a later signup could not be applied: {}", pending.emailKey(),
                    answer.getException().getMessage());
            sync.finish(pending, ItemOutcome.DUPLICATE, "already " + pending.status() + "; attributes not updated: "
                                                        + answer.getException().getMessage() + groups, null);
            return;
        }
        Map<String, String> nowApplied = new LinkedHashMap<>(pending.applied());
        nowApplied.putAll(changes);
        String what = describe(pending, changes);
        String target = "user".equals(answer.getMessage().getHeader(RetoolConstants.TARGET_KIND)) ? "user" : "invite";
        sync.finish(pending, ItemOutcome.UPDATED, "updated on the " + target + ": " + what + groups, nowApplied);
        LOG.info("{}: attributes updated on the {} ({})", pending.emailKey(), target, what);
    }

    /** {@code tier: silver -> gold, region: (none) -> eu} */
    private static String describe(AttributeSync.Pending pending, Map<String, String> changes) {
        StringBuilder what = new StringBuilder();
        changes.forEach((name, value) -> what.append(what.length() == 0 ? "" : ", ").append(name).append(": ")
                .append(pending.applied().getOrDefault(name, "(none)")).append(" -> ").append(value));
        return what.toString();
    }
}
