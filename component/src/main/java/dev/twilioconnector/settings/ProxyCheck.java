package dev.twilioconnector.settings;

import dev.twilioconnector.client.ProxyAuthScheme;
import dev.twilioconnector.client.ProxySettings;
import dev.twilioconnector.client.ProxySslType;
import dev.twilioconnector.error.InvalidSettingException;

/** Checks the proxy settings together: a proxy that is enabled needs a host and port, and credentials for its scheme. */
public final class ProxyCheck {

    private ProxyCheck() {
    }

    public static ProxySettings of(boolean enabled, String authScheme, String user, String password, String sslType,
                                   String host, int port) {
        ProxyAuthScheme scheme = Choices.of("proxyAuthScheme", authScheme, ProxyAuthScheme.class);
        ProxySslType ssl = Choices.of("proxySslType", sslType, ProxySslType.class);
        if (!enabled) {
            return ProxySettings.NONE;
        }
        if (host == null || host.isBlank()) {
            throw new InvalidSettingException("proxyHost", "is missing: proxyEnabled is true, so the proxy's host name is needed");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException("proxyPort", "is " + port + ": give the proxy's port, 1..65535");
        }
        if (scheme != ProxyAuthScheme.NONE) {
            if (user == null || user.isBlank()) {
                throw new InvalidSettingException("proxyUser", "is missing: proxyAuthScheme is " + scheme + ", so a user is needed");
            }
            if (password == null || password.isEmpty()) {
                throw new InvalidSettingException("proxyPassword", "is missing: proxyAuthScheme is " + scheme
                        + ", so a password is needed");
            }
        }
        return new ProxySettings(true, host.trim(), port, scheme, user, password, ssl);
    }
}
