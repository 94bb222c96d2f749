package dev.twilioconnector.settings;

import dev.twilioconnector.error.InvalidSettingException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a setting that takes one of an enum's names, case-insensitively, and names the allowed values otherwise. */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> E of(String setting, String value, Class<E> type) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new InvalidSettingException(setting, "'" + value + "' is not allowed: allowed values are "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
