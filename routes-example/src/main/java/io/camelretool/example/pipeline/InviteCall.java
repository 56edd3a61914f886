package io.camelretool.example.pipeline;

import io.camelretool.component.model.InviteRequest;
import io.camelretool.example.healing.FailureKind;
import io.camelretool.component.model.InviteResult;
import io.camelretool.example.ledger.LedgerEntry;

/**
 * A claimed ledger row on its way to {@code retool:invite}, and what came back: the component's answer or the reason
 * the call failed after its retries, and whether that failure may pass.
 *
 * @param entry       the row as it was before it was claimed
 * @param request     what the policy decided to send
 * @param failureKind for a failed call, whether its person waits or is parked
 */
public record InviteCall(LedgerEntry entry, InviteRequest request, InviteResult answer,
                         String failure, FailureKind failureKind) {

    static InviteCall of(LedgerEntry entry, InviteRequest request) {
        return new InviteCall(entry, request, null, null, null);
    }

    InviteCall answered(InviteResult result) {
        return new InviteCall(entry, request, result, null, null);
    }

    InviteCall failed(String reason, FailureKind kind) {
        return new InviteCall(entry, request, null, reason, kind);
    }
}
