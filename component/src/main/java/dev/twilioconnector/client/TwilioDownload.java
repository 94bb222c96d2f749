package dev.twilioconnector.client;

import org.apache.hc.core5.http.ClassicHttpResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Content Twilio serves as it is, a recording's audio or a message's media file, read as it arrives over the HTTP
 * connection it came on: nothing of it is held but the client's buffer. Closing it releases the connection (back to
 * the pool when the content was read to its end, closed otherwise), so it must be closed, read to the end or not.
 */
public final class TwilioDownload extends FilterInputStream implements TwilioAnswer {

    private final ClassicHttpResponse response;
    private final int status;
    private final String contentType;
    private final long contentLength;
    private final String requestId;
    private boolean ended;

    TwilioDownload(ClassicHttpResponse response, InputStream content, String contentType, long contentLength,
                   String requestId) {
        super(content);
        this.response = response;
        this.status = response.getCode();
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.requestId = requestId;
    }

    @Override
    public int status() {
        return status;
    }

    /** The {@code Content-Type} the content was served with, or null. */
    public String contentType() {
        return contentType;
    }

    /** The content's length in bytes, or -1 when the answer did not say. */
    public long contentLength() {
        return contentLength;
    }

    /** The {@code Twilio-Request-Id} of Twilio's answer that pointed to the content, or null. */
    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public int read() throws IOException {
        int read = super.read();
        ended |= read < 0;
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        ended |= read < 0;
        return read;
    }

    /**
     * Closing the content stream would read what is left of it to keep the connection, which for a recording left
     * early could be most of an hour of audio: a stream not read to its end closes the connection instead.
     */
    @Override
    public void close() throws IOException {
        try {
            if (ended) {
                super.close();
            }
        } finally {
            response.close();
        }
    }

    @Override
    public String toString() {
        return "TwilioDownload[" + contentType + ", " + contentLength + " bytes]";
    }
}
