package io.camelretool.sandbox.http;

/** What one API call does once it is authenticated, allowed and valid. */
@FunctionalInterface
public interface Operation {

    ApiResponse apply(ApiRequest request);
}
