package io.camelretool.example.ledger;

import java.util.List;

/** A batch handed over whole, and what became of each of its items, in order. */
public record AcceptedBatch(Batch batch, List<ItemOutcome> outcomes) {

    public long count(ItemOutcome outcome) {
        return outcomes.stream().filter(outcome::equals).count();
    }
}
