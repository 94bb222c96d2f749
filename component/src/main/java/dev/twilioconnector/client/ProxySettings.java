package dev.twilioconnector.client;

/**
 * The forward proxy every request of a connection goes through, or {@link #NONE}. The password never appears
 * in {@link #toString()}.
 */
public record ProxySettings(boolean enabled, String host, int port, ProxyAuthScheme authScheme, String user,
                            String password, ProxySslType sslType) {

    public static final ProxySettings NONE = new ProxySettings(false, null, 0, ProxyAuthScheme.NONE, null, null, ProxySslType.AUTO);

    @Override
    public String toString() {
        if (!enabled) {
            return "ProxySettings[disabled]";
        }
        return "ProxySettings[" + host + ':' + port + ", authScheme=" + authScheme + ", user=" + user
                + ", password=" + (password == null ? "none" : "******") + ", sslType=" + sslType + ']';
    }
}
