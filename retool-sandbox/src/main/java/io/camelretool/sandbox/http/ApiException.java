package io.camelretool.sandbox.http;

/** A refusal with a status and a message meant for the caller, such as a 401 or a 403. */
final class ApiException extends RuntimeException {

    private final transient ApiResponse response;

    ApiException(ApiResponse response, String message) {
        super(message);
        this.response = response;
    }

    static ApiException of(int status, String message) {
        return new ApiException(ApiResponse.error(status, message), message);
    }

    ApiResponse response() {
        return response;
    }
}
