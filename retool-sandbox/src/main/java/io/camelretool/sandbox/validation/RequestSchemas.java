package io.camelretool.sandbox.validation;

import static io.camelretool.sandbox.validation.Schemas.anyObject;
import static io.camelretool.sandbox.validation.Schemas.arrayOf;
import static io.camelretool.sandbox.validation.Schemas.bool;
import static io.camelretool.sandbox.validation.Schemas.either;
import static io.camelretool.sandbox.validation.Schemas.integer;
import static io.camelretool.sandbox.validation.Schemas.object;
import static io.camelretool.sandbox.validation.Schemas.string;

/**
 * The request bodies of the calls the sandbox serves, transcribed from Retool's OpenAPI spec 2.12.0
 * ({@code _user_invites_post_request} and friends). Where the spec leaves an object open, so does the sandbox.
 */
public final class RequestSchemas {

    /** {@code POST /user_invites}: only email, defaultGroupIds and metadata. */
    public static final Schema CREATE_INVITE = object()
            .required("email", string().format(StringFormat.EMAIL))
            // the spec types group ids as number; they are integers everywhere else, and 1.5 names no group
            .optional("defaultGroupIds", arrayOf(integer()))
            .optional("metadata", anyObject())
            .closed();

    /** {@code POST /user_invites/{id}/user_attributes}: the spec leaves this object open. */
    public static final Schema SET_INVITE_ATTRIBUTE = object()
            .required("name", string())
            .required("value", string().orNull());

    /** {@code POST /users/{userId}/user_attributes}. */
    public static final Schema SET_USER_ATTRIBUTE = object()
            .required("name", string())
            .required("value", string().orNull())
            .closed();

    /** {@code POST /user_attributes}. */
    public static final Schema DEFINE_ATTRIBUTE = object()
            .required("name", string().minLength(1).maxLength(255).pattern("^[a-z0-9_]+$"))
            .required("label", string().minLength(2))
            .required("dataType", string().oneOf("string", "json", "number"))
            .optional("defaultValue", string().orNull());

    /** {@code POST /users}. */
    public static final Schema CREATE_USER = object()
            .required("email", string().format(StringFormat.EMAIL))
            .required("first_name", string().minLength(1))
            .required("last_name", string().minLength(1))
            .optional("active", bool())
            .optional("metadata", anyObject())
            .optional("user_type", string().oneOf("default", "mobile", "embed"))
            .closed();

    /** {@code POST /api/embed-url/external-user}, as Retool's Embed documentation describes it. */
    public static final Schema MINT_EMBED_URL = object()
            .required("landingPageUuid", string().format(StringFormat.UUID))
            .required("groupIds", arrayOf(integer()))
            .required("externalIdentifier",
                    either(string().minLength(1), Schemas.number(), "a non-empty string or a number"))
            .optional("userInfo", object()
                    .optional("email", string().format(StringFormat.EMAIL))
                    .optional("firstName", string())
                    .optional("lastName", string())
                    .closed())
            .optional("metadata", anyObject())
            .closed();

    private RequestSchemas() {
    }
}
