package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;

/** Turns what stopped start-up into one line: the setting or route that failed, and why. */
final class StartupFailure {

    private StartupFailure() {
    }

    static String reason(Throwable failure) {
        Throwable setting = find(failure, InvalidSettingException.class);
        if (setting != null) {
            return setting.getMessage();
        }
        Throwable root = failure;
        StringBuilder line = new StringBuilder(oneLine(failure.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            String message = oneLine(root.getMessage());
            if (!message.isEmpty() && !line.toString().contains(message)) {
                line.append(": ").append(message);
            }
        }
        return line.toString();
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
