package org.cloudmarket.metering.domain;

/** The intake's answer for one reading: {@code code} and {@code reason} only when REFUSED. */
public record ReadingResult(String id, ReadingStatus status, Refusal code, String reason) {

    public static ReadingResult accepted(String id) {
        return new ReadingResult(id, ReadingStatus.ACCEPTED, null, null);
    }

    public static ReadingResult duplicate(String id) {
        return new ReadingResult(id, ReadingStatus.DUPLICATE, null, null);
    }

    public static ReadingResult refused(String id, Refusal code, String reason) {
        return new ReadingResult(id, ReadingStatus.REFUSED, code, reason);
    }
}
