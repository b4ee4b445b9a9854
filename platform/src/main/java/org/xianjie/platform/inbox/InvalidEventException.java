package org.xianjie.platform.inbox;

/** A record that can never be processed (not a CloudEvent, unreadable data): it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
