package io.camelretool.example.intake.sender;

/** A sender's own signature scheme, verified on the raw body exactly as the sender documents it. */
public interface SenderSignature {

    SignatureCheck verify(SenderRequest request);
}
