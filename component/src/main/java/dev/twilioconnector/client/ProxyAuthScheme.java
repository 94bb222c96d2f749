package dev.twilioconnector.client;

/** How the connector authenticates to a forward proxy. */
public enum ProxyAuthScheme {
    /** The proxy asks for no credentials. */
    NONE,
    /** HTTP Basic: user and password, base64-encoded on every request to the proxy. */
    BASIC,
    /** HTTP Digest: the proxy's challenge answered with a hash, the password never sent. */
    DIGEST
}
