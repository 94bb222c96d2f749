package dev.twilioconnector.settings;

import dev.twilioconnector.client.Credentials;
import dev.twilioconnector.error.InvalidSettingException;

import java.util.regex.Pattern;

/**
 * The account a connection reaches and what authenticates it: the Account SID with its Auth Token, or an API
 * Key SID with its secret. The Account SID comes from its component option or else from the Twilio tools'
 * variable; the credentials are taken as a pair, from the options when any of them is set, else from the variables,
 * so a {@code TWILIO_API_KEY} in the environment never replaces an Auth Token the configuration gives.
 */
public record AccountCredentials(String accountSid, Credentials credentials) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");

    public static AccountCredentials of(String accountSid, String authToken, String apiKeySid, String apiKeySecret,
                                        TwilioEnvironment environment) {
        String account = environment.orElse(accountSid, TwilioEnvironment.ACCOUNT_SID);
        boolean optionsGiven = isSet(authToken) || isSet(apiKeySid) || isSet(apiKeySecret);
        TwilioEnvironment source = optionsGiven ? TwilioEnvironment.NONE : environment;
        String token = source.orElse(authToken, TwilioEnvironment.AUTH_TOKEN);
        String keySid = source.orElse(apiKeySid, TwilioEnvironment.API_KEY);
        String keySecret = source.orElse(apiKeySecret, TwilioEnvironment.API_SECRET);
        if (account == null) {
            throw new InvalidSettingException("accountSid", "is missing: set camel.component.twilio-connector.account-sid"
                    + " or the variable " + TwilioEnvironment.ACCOUNT_SID);
        }
        account = account.trim();
        if (!ACCOUNT_SID.matcher(account).matches()) {
            throw new InvalidSettingException("accountSid", "'" + account + "' is not an Account SID: AC followed by 32"
                    + " hexadecimal digits");
        }
        if (keySid != null) {
            keySid = keySid.trim();
            if (!API_KEY_SID.matcher(keySid).matches()) {
                throw new InvalidSettingException("apiKeySid", "'" + keySid + "' is not an API Key SID: SK followed by 32"
                        + " hexadecimal digits");
            }
            if (keySecret == null) {
                throw new InvalidSettingException("apiKeySecret", "is missing: apiKeySid is set, so its secret is needed;"
                        + " give both as options, or both as the variables " + TwilioEnvironment.API_KEY + " and "
                        + TwilioEnvironment.API_SECRET);
            }
            return new AccountCredentials(account, new Credentials(keySid, keySecret));
        }
        if (token == null) {
            throw new InvalidSettingException("authToken", "is missing: set camel.component.twilio-connector.auth-token"
                    + " (or the variable " + TwilioEnvironment.AUTH_TOKEN + "), or apiKeySid and apiKeySecret");
        }
        return new AccountCredentials(account, new Credentials(account, token));
    }

    private static boolean isSet(String option) {
        return option != null && !option.isBlank();
    }
}
