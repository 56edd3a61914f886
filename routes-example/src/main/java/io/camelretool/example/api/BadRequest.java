package io.camelretool.example.api;

/** A request the read API refuses with 400, naming the parameter and why. */
final class BadRequest extends RuntimeException {

    BadRequest(String parameter, String why) {
        super(parameter + ": " + why);
    }
}
