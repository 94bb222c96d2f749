package dev.twilioconnector.client;

/** How requests travel through the proxy, as the {@code proxy_ssltype} setting of database drivers names it. */
public enum ProxySslType {
    /** HTTPS targets through a CONNECT tunnel, HTTP targets forwarded in the clear: what browsers do. */
    AUTO,
    /** TLS to the proxy itself ({@code https://} proxy), then as AUTO behind it. */
    ALWAYS,
    /** No TLS to the proxy and no tunnel: the proxy gets the absolute URL and forwards it. */
    NEVER,
    /** Always a CONNECT tunnel, whatever the target's scheme. */
    TUNNEL
}
