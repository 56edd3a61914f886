package io.camelretool.component.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a bulk {@code retool:invite}: one result per item, in input order, and totals per status. */
public record BulkInviteSummary(List<InviteResult> results) {

    public BulkInviteSummary {
        results = List.copyOf(results);
    }

    public Map<InviteStatus, Integer> totals() {
        Map<InviteStatus, Integer> totals = new EnumMap<>(InviteStatus.class);
        for (InviteStatus status : InviteStatus.values()) {
            totals.put(status, 0);
        }
        results.forEach(result -> totals.merge(result.status(), 1, Integer::sum));
        return totals;
    }

    public int count(InviteStatus status) {
        return totals().get(status);
    }

    public int size() {
        return results.size();
    }
}
