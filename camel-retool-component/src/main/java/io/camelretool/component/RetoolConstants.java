package io.camelretool.component;

import org.apache.camel.spi.Metadata;

/**
 * Names of the exchange headers the Retool component reads and writes. The {@link Metadata} annotations feed
 * the generated Camel catalog, so tooling shows every header with its description.
 */
public final class RetoolConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "Overrides the endpoint's action for this message (the action's name in any case, or the "
                            + "enum constant): retool:invite takes an InviteAction (create, list, revoke, renew, lookup), "
                            + "retool:attributes an AttributesAction (set, delete), retool:embedToken an "
                            + "EmbedTokenAction (mint), retool:user a UserAction (disable); every endpoint takes "
                            + "capabilities.")
    public static final String ACTION = "CamelRetoolAction";

    @Metadata(javaType = "String",
              description = "The email the message is about: the invite's email on the way out; on retool:attributes, "
                            + "the email whose account or pending invite is resolved as the target.")
    public static final String EMAIL = "CamelRetoolEmail";

    @Metadata(javaType = "Integer",
              description = "The Retool invite id: the created or found invite on the way out; the invite to revoke, "
                            + "renew or set attributes on when given.")
    public static final String INVITE_ID = "CamelRetoolInviteId";

    @Metadata(label = "producer", javaType = "String", secret = true,
              description = "The link the invited person follows to claim the invite. It claims an account: the "
                            + "component never logs it, and results print it masked. Camel's error handler prints every header of an "
                            + "exchange that fails, so remove this one after the call when the route does not need it.")
    public static final String INVITE_LINK = "CamelRetoolInviteLink";

    @Metadata(label = "producer", javaType = "io.camelretool.component.model.InviteStatus",
              description = "What retool:invite did: INVITED, ALREADY_INVITED, ALREADY_USER, WOULD_INVITE, REVOKED or FAILED.")
    public static final String INVITE_STATUS = "CamelRetoolInviteStatus";

    @Metadata(label = "producer", javaType = "java.time.Instant",
              description = "When the invite expires (Retool invites last 7 days).")
    public static final String INVITE_EXPIRES_AT = "CamelRetoolInviteExpiresAt";

    @Metadata(javaType = "String",
              description = "The Retool user id (user_...) whose attributes retool:attributes sets; "
                            + "on the way out, the account the target resolved to; from retool:invite, the account an "
                            + "ALREADY_USER email belongs to (named by a user look-up or by its claimed invite), the "
                            + "user of a lookup, or the user who claimed an invite (consumer).")
    public static final String USER_ID = "CamelRetoolUserId";

    @Metadata(label = "producer", javaType = "String",
              description = "On the way out of retool:attributes: what the target resolved to, user or invite.")
    public static final String TARGET_KIND = "CamelRetoolTargetKind";

    @Metadata(label = "producer", javaType = "io.camelretool.component.model.StandingState",
              description = "From retool:invite with inviteAction lookup: where the email stands, NONE, PENDING, "
                            + "EXPIRED or ACCOUNT.")
    public static final String STANDING = "CamelRetoolStanding";

    @Metadata(label = "consumer", javaType = "io.camelretool.component.consumer.InviteChangeKind",
              description = "From the retool:invite consumer: what changed, CLAIMED, EXPIRED, REVOKED or VANISHED.")
    public static final String INVITE_CHANGE = "CamelRetoolInviteChange";

    @Metadata(label = "consumer", javaType = "java.time.Instant",
              description = "From the retool:invite consumer: when a CLAIMED invite was claimed.")
    public static final String CLAIMED_AT = "CamelRetoolClaimedAt";

    @Metadata(label = "producer", javaType = "String",
              description = "The Retool Embed landing page UUID for retool:embedToken; overrides the endpoint option.")
    public static final String LANDING_PAGE_UUID = "CamelRetoolLandingPageUuid";

    @Metadata(label = "producer", javaType = "java.util.List<Integer>",
              description = "Retool group ids for retool:embedToken; overrides the endpoint option.")
    public static final String GROUP_IDS = "CamelRetoolGroupIds";

    @Metadata(label = "producer", javaType = "String",
              description = "The caller's stable identifier for the external user of retool:embedToken.")
    public static final String EXTERNAL_IDENTIFIER = "CamelRetoolExternalIdentifier";

    @Metadata(label = "producer", javaType = "String", secret = true,
              description = "The single-use Retool Embed URL minted by retool:embedToken. It is a credential: "
                            + "it is never logged in full.")
    public static final String EMBED_URL = "CamelRetoolEmbedUrl";

    @Metadata(javaType = "io.camelretool.component.classify.UserClass",
              description = "Set by the signup classifier: EXTERNAL, END_USER, STANDARD_USER or REJECTED.")
    public static final String USER_CLASS = "CamelRetoolUserClass";

    @Metadata(javaType = "String",
              description = "Set by the signup classifier: why the signup got its class.")
    public static final String CLASS_REASON = "CamelRetoolClassReason";

    @Metadata(label = "producer", javaType = "java.time.Instant",
              description = "On retool:invite create: the pending-invite list this check uses must have been read at "
                            + "or after this moment (a row taken up again after a crash or a failure). Calls naming "
                            + "the same or an earlier moment share one fresh read instead of reading the list each.")
    public static final String PENDING_INVITES_READ_SINCE = "CamelRetoolPendingInvitesReadSince";

    @Metadata(javaType = "String",
              description = "Read by the signup classifier: the role the person asked for; a standard role makes an "
                            + "internal signup STANDARD_USER, anything else END_USER.")
    public static final String REQUESTED_ROLE = "CamelRetoolRequestedRole";

    private RetoolConstants() {
    }
}
