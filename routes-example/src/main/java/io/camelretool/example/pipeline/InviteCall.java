package io.camelretool.example.pipeline;

import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.example.ledger.LedgerEntry;

/**
 * A claimed ledger row on its way to {@code retool:invite}, and what came back: the component's answer or the reason
 * the call failed after its retries.
 *
 * @param entry   the row as it was before it was claimed
 * @param request what the policy decided to send
 */
public record InviteCall(LedgerEntry entry, InviteRequest request, InviteResult answer,
                         String failure) {

    static InviteCall of(LedgerEntry entry, InviteRequest request) {
        return new InviteCall(entry, request, null, null);
    }

    InviteCall answered(InviteResult result) {
        return new InviteCall(entry, request, result, null);
    }

    InviteCall failed(String reason) {
        return new InviteCall(entry, request, null, reason);
    }
}
