package io.camelretool.example.intake.sender;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one sender's event (its JSON body, and the headers some senders put the event's kind in) into ours. */
public interface EventMapper {

    /**
     * @param body    the request's JSON body, an object
     * @param request the request, for senders that name the event in a header
     * @param eventId the event's id (see {@link SenderIntake#eventId})
     */
    SenderEvent map(JsonNode body, SenderRequest request, String eventId);
}
