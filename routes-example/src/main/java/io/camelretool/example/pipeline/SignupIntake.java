package io.camelretool.example.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.camelretool.component.classify.SignupClassifier;
import io.camelretool.example.ledger.AcceptedBatch;
import io.camelretool.example.ledger.Arrival;
import io.camelretool.example.ledger.Batch;
import io.camelretool.example.ledger.Deliveries;
import io.camelretool.example.ledger.ItemOutcome;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;

/**
 * The pipeline's front door, shared by every intake: each signup is validated, its email normalised and classified,
 * and the batch is written to the ledger. Once a method here returns, the signups are durably accepted and the
 * intake may acknowledge them.
 */
public final class SignupIntake {

    private final Ledger ledger;
    private final SignupClassifier classifier;
    private final Deliveries deliveries;

    public SignupIntake(Ledger ledger, SignupClassifier classifier) {
        this.ledger = ledger;
        this.classifier = classifier;
        this.deliveries = ledger.deliveries();
    }

    public Arrival arrival(long itemNo, Signup signup) {
        return Arrival.classified(itemNo, signup, classifier.classify(signup.email(), signup.role()));
    }

    /** Accepts a whole batch (a webhook request) and closes it, in one transaction. */
    public AcceptedBatch acceptBatch(SignupSource source, String name, List<Arrival> arrivals) {
        return acceptBatch(source, name, name, arrivals);
    }

    /**
     * Accepts a whole batch (a mail) and closes it, in one transaction.
     *
     * @param resumeKey what makes it the same batch when it arrives again (see {@link #alreadyAccepted})
     */
    public AcceptedBatch acceptBatch(SignupSource source, String name, String resumeKey, List<Arrival> arrivals) {
        return ledger.acceptWhole(source, name, resumeKey, arrivals);
    }

    /** The answer a delivery seen before got the first time. */
    public Optional<Deliveries.Answer> answered(Deliveries.Delivery delivery) {
        return deliveries.answered(delivery.source(), delivery.key());
    }

    /**
     * Accepts a whole batch once per delivery (a signed webhook request): a delivery seen before gets its first answer
     * and makes no batch. See {@link Ledger#acceptWholeOnce}.
     */
    public Deliveries.Answer acceptBatchOnce(Deliveries.Delivery delivery, SignupSource source, String name,
                                             List<Arrival> arrivals, Function<AcceptedBatch, Deliveries.Answer> answer) {
        return ledger.acceptWholeOnce(delivery, source, name, arrivals, answer);
    }

    /**
     * For an intake that hands a large batch over in parts: start (or resume, by its resume key) it, add parts,
     * close it.
     */
    public Batch startBatch(SignupSource source, String name, String resumeKey) {
        return ledger.startBatch(source, name, resumeKey);
    }

    public List<ItemOutcome> acceptPart(Batch batch, List<Arrival> arrivals) {
        return ledger.accept(batch.id(), arrivals);
    }

    public void closeBatch(Batch batch) {
        ledger.closeBatch(batch.id());
    }

    /** Whether a batch with that resume key was already accepted whole (a mail read again after a crash). */
    public boolean alreadyAccepted(SignupSource source, String resumeKey) {
        return ledger.latestBatch(source, resumeKey).map(Batch::isClosed).orElse(false);
    }
}
