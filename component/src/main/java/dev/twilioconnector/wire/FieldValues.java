package dev.twilioconnector.wire;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.util.Locale;

/** A number or a boolean given for a field, checked and written as Twilio reads it, in a form as in JSON. */
final class FieldValues {

    private FieldValues() {
    }

    static String number(Entity entity, Field field, Object value) {
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (field.type() == FieldType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException();
            }
            return number.toPlainString();
        } catch (NumberFormatException notANumber) {
            throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name() + " takes "
                    + (field.type() == FieldType.INTEGER ? "an integer" : "a number")
                    + ", not '" + value + "'");
        }
    }

    static String bool(Entity entity, Field field, Object value) {
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                + " takes true or false, not '" + value + "'");
    }
}
