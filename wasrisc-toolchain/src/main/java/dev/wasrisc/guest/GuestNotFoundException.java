package dev.wasrisc.guest;

/** No guest folder where the name says it should be. */
public class GuestNotFoundException extends RuntimeException {

    public GuestNotFoundException(String message) {
        super(message);
    }
}
