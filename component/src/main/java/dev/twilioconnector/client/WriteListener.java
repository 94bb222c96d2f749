package dev.twilioconnector.client;

/**
 * Told on the sending thread around the write of each request to Twilio, once any connection, tunnel and TLS
 * handshake it needed are done: {@link #writing()} just before its first byte, {@link #written()} once its last
 * byte has been handed to the operating system (a request that fails in between is never {@code written()}).
 */
public interface WriteListener {

    void writing();

    void written();
}
