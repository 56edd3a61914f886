package io.camelretool.component.client;

import java.time.Duration;

/**
 * How much of the client-side rate limit shared by one base URL and key is in use.
 *
 * @param perMinute        the limit, requests a minute; 0 when there is none
 * @param inLastMinute     requests sent, or given a slot, within the last minute
 * @param waitForNextSlot  how long a request asking now would wait for its slot
 */
public record RateLimitUse(int perMinute, int inLastMinute, Duration waitForNextSlot) {

    /** Whether a limit applies at all. */
    public boolean isLimited() {
        return perMinute > 0;
    }
}
